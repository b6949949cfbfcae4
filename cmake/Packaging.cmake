# SPDX-License-Identifier: MIT
# CPack: a Debian package (cd build && cpack -G DEB). Include after Install.cmake.
set(CPACK_PACKAGE_NAME "modelfile-lint")
set(CPACK_PACKAGE_VENDOR "modelfile-lint")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "linter, fixer and language server for Ollama Modelfiles")
set(CPACK_PACKAGE_DESCRIPTION
  "modelfile-lint checks Ollama Modelfiles for every error `ollama create` would\n stop at and more (unknown and removed parameters, wrong value types, Go\n template errors, num_ctx against the model's native context and memory),\n with safe fixes. modelfile-lsp brings the same rules, fixes, hover and\n completion to editors over the Language Server Protocol.")
set(CPACK_PACKAGE_CONTACT "modelfile-lint maintainers <modelfile-lint@users.noreply.github.com>")
set(CPACK_PACKAGE_HOMEPAGE_URL "https://github.com/modelfile-lint/modelfile-lint")
# The license: cmake/copyright, installed as share/doc/modelfile-lint/copyright
# (Debian's machine-readable format) by Install.cmake.
set(CPACK_RESOURCE_FILE_LICENSE "${CMAKE_CURRENT_LIST_DIR}/copyright")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_STRIP_FILES ON)

set(CPACK_GENERATOR "DEB" CACHE STRING "CPack generators")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "devel")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
# The libraries we link. Written out rather than computed by dpkg-shlibdeps,
# which would ask only for libtree-sitter0 >= 0.19: the runtime must be 0.20.7
# or newer to load our ABI 14 parser. libc6 2.34 is what dpkg-shlibdeps finds
# for our binaries on Debian 12. tests/integration/deb_test.sh checks that
# every library the installed binaries load comes from a package named here.
if(MFL_TS_LIB STREQUAL "mfl_ts_static" AND MFL_UV_LIB STREQUAL "mfl_uv_static")
  # tree-sitter, jansson and libuv are linked in (MFL_STATIC_DEPS, MFL_STATIC_LIBUV).
  set(CPACK_DEBIAN_PACKAGE_DEPENDS "libc6 (>= 2.34)")
elseif(MFL_TS_LIB STREQUAL "mfl_ts_static")
  # tree-sitter and jansson are linked in (MFL_STATIC_DEPS).
  set(CPACK_DEBIAN_PACKAGE_DEPENDS "libc6 (>= 2.34), libuv1 (>= 1.44)")
else()
  set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libc6 (>= 2.34), libtree-sitter0 (>= 0.20.7), libjansson4 (>= 2.14), libuv1 (>= 1.44)")
endif()
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS OFF)
# A cross build's package is for its target (CPack would ask dpkg, which
# names the build machine's architecture).
if(CMAKE_CROSSCOMPILING)
  if(CMAKE_SYSTEM_PROCESSOR MATCHES "^(aarch64|arm64)$")
    set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE arm64)
  elseif(CMAKE_SYSTEM_PROCESSOR MATCHES "^i[3-6]86$")
    set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE i386)
  elseif(CMAKE_SYSTEM_PROCESSOR MATCHES "^armv7")
    set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE armhf)
  elseif(CMAKE_SYSTEM_PROCESSOR MATCHES "^(x86_64|amd64)$")
    set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE amd64)
  endif()
endif()
# Every editor named works with the Debian release it is installed on:
# Debian 12's Neovim 0.7 gets the server and the Vim syntax file (tree-sitter
# highlighting needs 0.10); tests/integration/neovim_tty_test.sh checks it.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "vim-ale | neovim, elpa-eglot, pre-commit")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

include(CPack)
