# SPDX-License-Identifier: Apache-2.0
# Manual pages made from each program's own --help and --version (help2man), so they cannot
# drift from the options. The programs answer both without a display.
find_program(UIS_HELP2MAN help2man)
find_program(UIS_GZIP gzip REQUIRED)
if(NOT UIS_HELP2MAN)
    message(WARNING "help2man not found: no manual pages (scripts/deps.sh installs it)")
    return()
endif()

set(uis_man_summary_uis-studio "design, validate and run UIS ingestion pipelines")
set(uis_man_summary_uisctl "the UIS command line: validate, compile, test and submit pipelines")
set(uis_man_summary_dcp-local "the DCP job API on this machine")
set(uis_man_pages)
foreach(program uis-studio uisctl dcp-local)
    if(NOT TARGET ${program})
        continue()
    endif()
    set(page ${CMAKE_CURRENT_BINARY_DIR}/man/${program}.1)
    add_custom_command(OUTPUT ${page}.gz
        COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_CURRENT_BINARY_DIR}/man
        COMMAND ${UIS_HELP2MAN} --no-info --no-discard-stderr
                --name=${uis_man_summary_${program}} --output=${page}.tmp $<TARGET_FILE:${program}>
        COMMAND ${CMAKE_COMMAND} -E rename ${page}.tmp ${page}
        COMMAND ${UIS_GZIP} -9nf ${page}
        DEPENDS ${program}
        COMMENT "Manual page for ${program}"
        VERBATIM)
    list(APPEND uis_man_pages ${page}.gz)
endforeach()
add_custom_target(uis_manpages ALL DEPENDS ${uis_man_pages})
install(FILES ${uis_man_pages} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
