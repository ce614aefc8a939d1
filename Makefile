# SPDX-License-Identifier: Apache-2.0
# The two commands of the README: `make run` and `make test`. Both do the set-up themselves.
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
# One test more than cores: at one per core a fifth of the CPU sat idle (vmstat), the engine
# tests waiting on windows, timeouts and servers; a third fills it.
TEST_JOBS ?= $(shell echo $$(( $$(nproc) + 1 )))
CTEST_ARGS ?=
# ccache hits across clones (CI builds a fresh clone in another folder).
export CCACHE_BASEDIR := $(CURDIR)
export CCACHE_NOHASHDIR := true
# The libraries' precompiled headers (CMakeLists.txt): without these ccache caches none of their files.
export CCACHE_SLOPPINESS := pch_defines,time_macros,include_file_mtime,include_file_ctime
EXAMPLE ?= resources/templates/sample-trades-to-parquet.uis.yaml

.PHONY: all deps system-deps fetch fetch-engines fetch-go python build compile run test bench fuzz \
	clean format

all: build

# The set-up: the Debian packages first; then the downloads, two chains side by side (pip and
# Maven, then the schemas; the Go build). Every script skips what is already there.
deps: system-deps fetch

system-deps:
	@scripts/deps.sh

fetch: fetch-engines fetch-go

# One chain: the Flink reporter (end of the jars part) needs PyFlink, schemas.sh shares .cache/m2.
fetch-engines: system-deps
	@scripts/python-env.sh
	@scripts/engines/setup.sh
	@scripts/schemas.sh

fetch-go: system-deps
	@scripts/go-tools.sh

python:
	@scripts/python-env.sh

CMAKE_ARGS ?= $(if $(shell command -v ccache),-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)

$(BUILD_DIR)/build.ninja: | system-deps
	cmake --preset default -B $(BUILD_DIR) $(CMAKE_ARGS) >/dev/null

# The C++ build needs only the Debian packages, so it runs while the downloads run (on a fresh
# machine they overlap instead of adding up). -j3: the build, the pip/Maven chain, the Go build.
build:
	@$(MAKE) --no-print-directory -j3 fetch compile

compile: system-deps $(BUILD_DIR)/build.ninja
	cmake --build $(BUILD_DIR) -j $(JOBS)

run: build
	$(BUILD_DIR)/bin/uis-studio $(EXAMPLE)

test: build
	cd $(BUILD_DIR) && QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j $(TEST_JOBS) $(CTEST_ARGS)

bench: build
	cmake --build $(BUILD_DIR) -j $(JOBS) --target bench_core bench_studio
	tests/bench/run-benchmarks.sh $(BUILD_DIR)

fuzz: deps
	cmake --preset fuzz >/dev/null
	cmake --build build-fuzz -j $(JOBS) --target fuzz_reader
	tests/fuzz/run-fuzz.sh build-fuzz 60

format:
	clang-format -i $$(git ls-files '*.cpp' '*.h')

clean:
	rm -rf $(BUILD_DIR) build-fuzz
