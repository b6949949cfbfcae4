# SPDX-License-Identifier: MIT
# Installation layout (cmake --install, and the .deb through CPack):
#   bin/modelfile-lint, bin/modelfile-lsp
#   share/man/man1/modelfile-lint.1.gz (generated at build time from the
#     program itself: cmake/gen-man.sh), modelfile-lsp.1.gz (docs/man)
#   share/modelfile-lint/queries/*.scm       (grammar/queries, the single copy)
#   share/modelfile-lint/grammar/src         (the parser's C sources, for Helix)
#   share/modelfile-lint/modelfile-lint.schema.json
#   share/nvim/site/{ftdetect,ftplugin,syntax,lua,lsp}  (editors/neovim; on
#     Neovim's default runtimepath via XDG_DATA_DIRS) and share/nvim/site/parser/modelfile.so
#   share/vim/vimfiles/{ftdetect,ftplugin,syntax,ale_linters}  (editors/vim;
#     Debian's Vim reads it)
#   share/emacs/site-lisp/modelfile-mode.el  (editors/emacs; on Emacs's load-path)
#   share/doc/modelfile-lint/copyright, editors/  (Helix, Zed, Kakoune: README)
# Include from the top-level CMakeLists.txt after the targets exist.
include(GNUInstallDirs)

option(MFL_INSTALL_NVIM "Install the Neovim plugin and tree-sitter parser under share/nvim/site" ON)
set(MFL_SHARE_DIR "${CMAKE_INSTALL_DATADIR}/modelfile-lint")

foreach(_mfl_prog modelfile-lint modelfile-lsp)
  if(TARGET ${_mfl_prog})
    install(TARGETS ${_mfl_prog} RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT runtime)
  endif()
endforeach()

# ---- man pages ------------------------------------------------------------
set(_mfl_man_summary_modelfile-lint "lint and fix Ollama Modelfiles")
set(_mfl_man_summary_modelfile-lsp "language server for Ollama Modelfiles")
set(_mfl_man_outputs)
# modelfile-lsp's page is written by hand (docs/man/modelfile-lsp.1): a
# server's --help has little to say about editors, settings and files.
if(TARGET modelfile-lsp)
  set(_mfl_man "${CMAKE_CURRENT_BINARY_DIR}/man/modelfile-lsp.1.gz")
  configure_file("${PROJECT_SOURCE_DIR}/docs/man/modelfile-lsp.1"
    "${CMAKE_CURRENT_BINARY_DIR}/man/modelfile-lsp.1" @ONLY)
  add_custom_command(
    OUTPUT "${_mfl_man}"
    COMMAND sh -c "gzip -9n < \"$1\" > \"$2\"" gzip "${CMAKE_CURRENT_BINARY_DIR}/man/modelfile-lsp.1" "${_mfl_man}"
    DEPENDS "${CMAKE_CURRENT_BINARY_DIR}/man/modelfile-lsp.1"
    COMMENT "Compressing the modelfile-lsp(1) man page"
    VERBATIM)
  list(APPEND _mfl_man_outputs "${_mfl_man}")
  install(FILES "${_mfl_man}" DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT runtime)
endif()
foreach(_mfl_prog modelfile-lint)
  if(TARGET ${_mfl_prog})
    set(_mfl_man "${CMAKE_CURRENT_BINARY_DIR}/man/${_mfl_prog}.1.gz")
    add_custom_command(
      OUTPUT "${_mfl_man}"
      COMMAND ${CMAKE_COMMAND} -E make_directory "${CMAKE_CURRENT_BINARY_DIR}/man"
      COMMAND sh "${CMAKE_CURRENT_LIST_DIR}/gen-man.sh" "$<TARGET_FILE:${_mfl_prog}>" ${_mfl_prog} 1
              "${_mfl_man_summary_${_mfl_prog}}" "${PROJECT_VERSION}" "${_mfl_man}"
      DEPENDS ${_mfl_prog} "${CMAKE_CURRENT_LIST_DIR}/gen-man.sh"
      COMMENT "Generating the ${_mfl_prog}(1) man page"
      VERBATIM)
    list(APPEND _mfl_man_outputs "${_mfl_man}")
    install(FILES "${_mfl_man}" DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT runtime)
  endif()
endforeach()
if(_mfl_man_outputs)
  add_custom_target(man ALL DEPENDS ${_mfl_man_outputs})
endif()

# ---- grammar queries and the config schema ----------------------------------
install(DIRECTORY "${PROJECT_SOURCE_DIR}/grammar/queries/"
  DESTINATION "${MFL_SHARE_DIR}/queries" COMPONENT runtime
  FILES_MATCHING PATTERN "*.scm")
install(DIRECTORY "${PROJECT_SOURCE_DIR}/grammar/src/"
  DESTINATION "${MFL_SHARE_DIR}/grammar/src" COMPONENT runtime
  FILES_MATCHING PATTERN "*.c" PATTERN "*.h")
if(EXISTS "${PROJECT_SOURCE_DIR}/schema/modelfile-lint.schema.json")
  install(FILES "${PROJECT_SOURCE_DIR}/schema/modelfile-lint.schema.json"
    DESTINATION "${MFL_SHARE_DIR}" COMPONENT runtime)
else()
  message(WARNING "schema/modelfile-lint.schema.json not found: not installed")
endif()

# ---- editors ----------------------------------------------------------------
install(FILES
    "${PROJECT_SOURCE_DIR}/editors/README.md"
    "${PROJECT_SOURCE_DIR}/editors/helix/languages.toml"
  DESTINATION "${CMAKE_INSTALL_DOCDIR}/editors" COMPONENT runtime OPTIONAL)
install(FILES "${CMAKE_CURRENT_LIST_DIR}/copyright" DESTINATION "${CMAKE_INSTALL_DOCDIR}"
  COMPONENT runtime)

option(MFL_INSTALL_VIM "Install the Vim files under share/vim/vimfiles" ON)
if(MFL_INSTALL_VIM)
  install(DIRECTORY
      "${PROJECT_SOURCE_DIR}/editors/vim/ftdetect"
      "${PROJECT_SOURCE_DIR}/editors/vim/ftplugin"
      "${PROJECT_SOURCE_DIR}/editors/vim/syntax"
      "${PROJECT_SOURCE_DIR}/editors/vim/ale_linters"
    DESTINATION "${CMAKE_INSTALL_DATADIR}/vim/vimfiles" COMPONENT runtime)
endif()
option(MFL_INSTALL_EMACS "Install modelfile-mode.el under share/emacs/site-lisp" ON)
if(MFL_INSTALL_EMACS)
  install(FILES "${PROJECT_SOURCE_DIR}/editors/emacs/modelfile-mode.el"
    DESTINATION "${CMAKE_INSTALL_DATADIR}/emacs/site-lisp" COMPONENT runtime)
endif()

if(MFL_INSTALL_NVIM)
  set(_mfl_nvim_site "${CMAKE_INSTALL_DATADIR}/nvim/site")
  install(DIRECTORY
      "${PROJECT_SOURCE_DIR}/editors/neovim/ftdetect"
      "${PROJECT_SOURCE_DIR}/editors/neovim/ftplugin"
      "${PROJECT_SOURCE_DIR}/editors/neovim/lsp"
      "${PROJECT_SOURCE_DIR}/editors/neovim/lua"
    DESTINATION "${_mfl_nvim_site}" COMPONENT runtime)
  # editors/neovim/syntax is a link to editors/vim/syntax: install the file.
  install(FILES "${PROJECT_SOURCE_DIR}/editors/vim/syntax/modelfile.vim"
    DESTINATION "${_mfl_nvim_site}/syntax" COMPONENT runtime)
  # The parser as Neovim loads it (parser/<lang>.so on the runtimepath); it
  # needs no libtree-sitter, only tree-sitter's headers in grammar/src.
  add_library(modelfile-nvim-parser MODULE
    "${PROJECT_SOURCE_DIR}/grammar/src/parser.c"
    "${PROJECT_SOURCE_DIR}/grammar/src/scanner.c")
  target_include_directories(modelfile-nvim-parser PRIVATE "${PROJECT_SOURCE_DIR}/grammar/src")
  target_compile_options(modelfile-nvim-parser PRIVATE -w -fno-sanitize=all)
  target_link_options(modelfile-nvim-parser PRIVATE -fno-sanitize=all)
  set_target_properties(modelfile-nvim-parser PROPERTIES
    OUTPUT_NAME modelfile PREFIX "" SUFFIX ".so"
    LIBRARY_OUTPUT_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}/nvim-parser")
  install(TARGETS modelfile-nvim-parser
    LIBRARY DESTINATION "${_mfl_nvim_site}/parser" COMPONENT runtime)
endif()
