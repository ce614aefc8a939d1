# SPDX-License-Identifier: Apache-2.0
# The two commands of the README: `make run` and `make test`. Both do the set-up themselves.
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
CTEST_ARGS ?=
# ccache hits across clones (CI builds a fresh clone in another folder).
export CCACHE_BASEDIR := $(CURDIR)
export CCACHE_NOHASHDIR := true
EXAMPLE ?= resources/templates/sample-trades-to-parquet.uis.yaml

.PHONY: all deps python build run test bench fuzz clean format

all: build

deps:
	@scripts/deps.sh
	@scripts/python-env.sh
	@scripts/engines/setup.sh
	@scripts/go-tools.sh
	@scripts/schemas.sh

python:
	@scripts/python-env.sh

CMAKE_ARGS ?= $(if $(shell command -v ccache),-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)

$(BUILD_DIR)/build.ninja:
	cmake --preset default -B $(BUILD_DIR) $(CMAKE_ARGS) >/dev/null

build: deps $(BUILD_DIR)/build.ninja
	cmake --build $(BUILD_DIR) -j $(JOBS)

run: build
	$(BUILD_DIR)/bin/uis-studio $(EXAMPLE)

test: build
	cd $(BUILD_DIR) && QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j $(JOBS) $(CTEST_ARGS)

bench: build
	tests/bench/run-benchmarks.sh $(BUILD_DIR)

fuzz: deps
	cmake --preset fuzz >/dev/null
	cmake --build build-fuzz -j $(JOBS) --target fuzz_reader
	tests/fuzz/run-fuzz.sh build-fuzz 60

format:
	clang-format -i $$(git ls-files '*.cpp' '*.h')

clean:
	rm -rf $(BUILD_DIR) build-fuzz
