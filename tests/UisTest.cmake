# SPDX-License-Identifier: Apache-2.0
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

# Seconds each long test took (the fresh-machine `make test` of 2026-12-07, -j2 on 2 cores;
# savepoints_flink from its last pass; platform, warm_golden and warmpreview from the merged
# tree). ctest starts the costliest first, so `make test` packs its two slots well also in a new
# build folder, which has no Testing/Temporary/CTestCostData.txt yet: in declaration order the
# longest engine tests come last and run alone at the end. A later run's own figures take over.
set(UIS_TEST_COSTS
    engine_test_upgrade_check_flink 331 engine_test_sessions 213
    engine_test_platform 232 engine_test_cluster_fit 165 engine_test_savepoints_flink 160
    tst_datapreview 154 engine_test_metrics_flink 148 engine_test_flink_poison 146
    engine_test_engine_parity 145 engine_test_flink_node_counts 133 tst_engines 131
    engine_test_cluster_targets 107 engine_test_upgrade_check_spark 105 engine_test_templates 105
    engine_test_spark_formats 99 engine_test_spark_poison 97 engine_test_spark_batch 91
    engine_test_metrics_spark 89 packaging_test_package 78 tst_runlocallyplatform 75
    engine_test_schedule_wait 69 engine_test_rest_delivery 62 engine_test_savepoints_spark 61
    engine_test_microbatch_schedule 54 engine_test_flink_preview 54 engine_test_dcp_e2e 49
    engine_test_kafka_engines 47 engine_test_flink_cdc 45 engine_test_spark_available_now 43
    server_openapi_contract 37 engine_test_spark_node_counts 37 engine_test_flink_explain 37
    tst_dcplocal 36 engine_test_alerts 34
    engine_test_warm_golden 400 tst_warmpreview 198 packaging_test_installed_engines 194)

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
