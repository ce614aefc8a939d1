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
endfunction()
