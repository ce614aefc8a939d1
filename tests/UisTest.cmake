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

# Seconds each long test took (ctest -j2 on a loaded 2-core machine). ctest starts the costliest
# first, so `make test` packs its two slots well also in a new build folder, which has no
# Testing/Temporary/CTestCostData.txt yet: in declaration order the longest engine tests come
# last and run alone at the end. A later run's own figures take over from these.
set(UIS_TEST_COSTS
    engine_test_upgrade_check_flink 507 engine_test_upgrade_check_spark 430
    engine_test_golden_pipelines 310 tst_datapreview 252 engine_test_cluster_fit 230
    engine_test_cluster_targets 220 engine_test_platform 218 engine_test_engine_parity 172
    engine_test_templates 169 engine_test_savepoints_flink 159 engine_test_spark_poison 156
    engine_test_flink_node_counts 156 engine_test_flink_poison 129 engine_test_spark_batch 119
    engine_test_spark_formats 115 tst_runlocallyplatform 99 engine_test_dcp_e2e 91
    engine_test_rest_delivery 85 engine_test_flink_preview 80 engine_test_savepoints_spark 76
    engine_test_flink_explain 71 engine_test_kafka_engines 66 engine_test_spark_available_now 58
    tst_engines 58 engine_test_microbatch_schedule 52 engine_test_flink_cdc 48 tst_dcplocal 36
    engine_test_spark_node_counts 35 tst_warmpreview 300)

# uis_test_cost(<test>): its COST from UIS_TEST_COSTS, when listed (call where it is added).
function(uis_test_cost test)
    list(FIND UIS_TEST_COSTS ${test} i)
    if(i GREATER -1)
        math(EXPR i "${i} + 1")
        list(GET UIS_TEST_COSTS ${i} cost)
        set_tests_properties(${test} PROPERTIES COST ${cost})
    endif()
endfunction()
