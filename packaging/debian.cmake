# SPDX-License-Identifier: Apache-2.0
# The Debian package (CPack's DEB generator): what lintian asks of a binary package. The
# Debian revision comes from the newest entry of debian/changelog, which must be for the
# project's version.
file(STRINGS debian/changelog uis_changelog_top LIMIT_COUNT 1)
if(NOT uis_changelog_top MATCHES "^uis-studio \\(([^)-]+)-([^)]+)\\)")
    message(FATAL_ERROR "packaging/debian/changelog: no `uis-studio (VERSION-REVISION)` entry on top")
endif()
if(NOT CMAKE_MATCH_1 STREQUAL PROJECT_VERSION)
    message(FATAL_ERROR "packaging/debian/changelog's newest entry is for ${CMAKE_MATCH_1}, the "
                        "project is ${PROJECT_VERSION}: add an entry for it")
endif()
set(CPACK_DEBIAN_PACKAGE_RELEASE ${CMAKE_MATCH_2})

set(uis_changelog ${CMAKE_CURRENT_BINARY_DIR}/changelog.Debian)
add_custom_command(OUTPUT ${uis_changelog}.gz
    COMMAND ${CMAKE_COMMAND} -E copy ${CMAKE_CURRENT_SOURCE_DIR}/debian/changelog ${uis_changelog}
    COMMAND ${UIS_GZIP} -9nf ${uis_changelog}
    DEPENDS debian/changelog
    VERBATIM)
add_custom_target(uis_debian_changelog ALL DEPENDS ${uis_changelog}.gz)
install(FILES debian/copyright ${uis_changelog}.gz THIRD-PARTY-NOTICES.md DESTINATION ${UIS_DOC_DIR})
install(FILES debian/lintian-overrides DESTINATION ${CMAKE_INSTALL_DATADIR}/lintian/overrides
        RENAME uis-studio)

set(CPACK_PACKAGE_NAME uis-studio)
set(CPACK_PACKAGE_VENDOR "UIS Studio")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Design, validate and run UIS ingestion pipelines on Spark and Flink")
set(CPACK_PACKAGE_DESCRIPTION_FILE ${CMAKE_CURRENT_SOURCE_DIR}/debian/description.txt)
set(UIS_DEB_MAINTAINER "UIS Studio maintainers <maintainers@users.noreply.b-seed-7bc5fde1.example>"
    CACHE STRING "Maintainer field of the Debian package")
set(CPACK_PACKAGE_CONTACT "${UIS_DEB_MAINTAINER}")
set(CPACK_GENERATOR TGZ DEB)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ
    GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
# gzip, not xz: the debug symbols are some 250 MB, which xz takes many minutes to pack.
set(CPACK_DEBIAN_COMPRESSION_TYPE gzip)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# Depends: the libraries the programs link, as dpkg-shlibdeps finds them, plus what Qt loads
# as a plugin at run time (dcp-local's job store is SQLite through Qt Sql's driver).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite")
# Local runs: the runners are Python, Spark and Flink need Java 17; `uisctl engines install`
# puts the engines into a venv and fetches the connector jars with Maven.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS
    "python3, python3-venv, default-jre-headless | openjdk-17-jre-headless, maven")
# The binaries are stripped into the package and their debug symbols go to uis-studio-dbgsym.
set(CPACK_DEBIAN_DEBUGINFO_PACKAGE ON)
set(CPACK_POST_BUILD_SCRIPTS ${CMAKE_CURRENT_SOURCE_DIR}/debian-dbgsym.cmake)
include(CPack)
