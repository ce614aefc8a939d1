# SPDX-License-Identifier: Apache-2.0
# Test programs are run, not shipped: linked without the libraries' debug info they are ~6 MB
# instead of ~150 MB and link ten times faster (tst_studiowindow: 0.15 against 1.6 s on an idle
# machine), across the ~70 of them the largest part of a fresh build's writing. Turn it on to step
# through a test in a debugger.
option(UIS_TEST_DEBUG_INFO "Keep debug info in the test programs and benchmarks" OFF)
function(uis_test_link_options target)
    if(NOT UIS_TEST_DEBUG_INFO)
        target_link_options(${target} PRIVATE -Wl,--strip-debug)
    endif()
endfunction()

# uis_add_test(<name> LIBS <targets...> [LABELS <labels...>] [TIMEOUT <s>])
# Builds tst_<name> from tst_<name>.cpp in the calling folder and registers it with ctest.
function(uis_add_test name)
    cmake_parse_arguments(T "" "TIMEOUT" "LIBS;LABELS;SOURCES" ${ARGN})
    set(target tst_${name})
    add_executable(${target} tst_${name}.cpp ${T_SOURCES})
    target_link_libraries(${target} PRIVATE Qt6::Test ${T_LIBS})
    target_compile_definitions(${target} PRIVATE
        UIS_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
        UIS_BINARY_DIR="${PROJECT_BINARY_DIR}")
    set_target_properties(${target} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/tests)
    uis_set_warnings(${target})
    uis_test_link_options(${target})
    add_test(NAME ${target} COMMAND ${target})
    if(NOT T_TIMEOUT)
        set(T_TIMEOUT 120)
    endif()
    set_tests_properties(${target} PROPERTIES
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;UIS_SOURCE_DIR=${PROJECT_SOURCE_DIR};UIS_BIN_DIR=${PROJECT_BINARY_DIR}/bin"
        TIMEOUT ${T_TIMEOUT}
        LABELS "${T_LABELS}")
    uis_test_cost(${target})
endfunction()

# Seconds each long test took (the fresh-machine `make test` of 2026-12-07 16:10, ctest -j3 on 2
# cores; the two packaging tests less the cpack minute packaging_build now does for both). ctest
# starts the costliest first, so `make test` packs its slots well also in a new build folder,
# which has no Testing/Temporary/CTestCostData.txt yet: in declaration order the longest engine
# tests come last and run alone at the end. A later run's own figures take over.
set(UIS_TEST_COSTS
    engine_test_warm_golden 487 packaging_test_installed_engines 370
    engine_test_upgrade_check_flink 417 engine_test_platform 323 engine_test_sessions 265
    engine_test_flink_poison 184 tst_warmpreview 183 engine_test_templates 166
    engine_test_engine_parity 166 engine_test_savepoints_flink 165 engine_test_cluster_fit 164
    engine_test_flink_node_counts 161 engine_test_metrics_flink 143 packaging_test_package 80
    tst_engines 102 engine_test_spark_batch 99 engine_test_spark_poison 98
    engine_test_cluster_targets 94 engine_test_metrics_spark 92 tst_datapreview 91
    engine_test_spark_formats 90 engine_test_metrics_flink_lag 75 engine_test_flink_preview 67
    packaging_build 70 engine_test_rest_delivery 63 engine_test_upgrade_check_spark 62
    engine_test_schedule_wait 61 server_openapi_contract 61 tst_runlocallyplatform 59
    engine_test_savepoints_spark 50 engine_test_dcp_e2e 49 engine_test_kafka_engines 48
    engine_test_flink_explain 47 engine_test_flink_cdc 39 engine_test_microbatch_schedule 34
    engine_test_alerts 34 engine_test_spark_available_now 32)

# Every JVM of the engine tests (Spark, Flink, Kafka) works on a handful of rows for seconds to
# minutes: C1 only. C2 compiling hot code for a throughput no test needs costs a fifth to a third of
# the CPU of a Spark run (spark_node_counts' batch case: 20.6 and 26.2 s of CPU, 16.4 s with C1
# only), and the two cores are what the suite waits for. The JVMs note the option on stderr.
set(UIS_ENGINE_JVM_ENV "JAVA_TOOL_OPTIONS=-XX:TieredStopAtLevel=1")

# uis_engine_test(<test>): a test that starts engine JVMs gets UIS_ENGINE_JVM_ENV.
function(uis_engine_test test)
    set_property(TEST ${test} APPEND PROPERTY ENVIRONMENT ${UIS_ENGINE_JVM_ENV})
endfunction()

# uis_test_cost(<test>): its COST from UIS_TEST_COSTS, when listed (call where it is added).
function(uis_test_cost test)
    list(FIND UIS_TEST_COSTS ${test} i)
    if(i GREATER -1)
        math(EXPR i "${i} + 1")
        list(GET UIS_TEST_COSTS ${i} cost)
        set_tests_properties(${test} PROPERTIES COST ${cost})
    endif()
endfunction()
