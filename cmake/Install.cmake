# SPDX-License-Identifier: MIT
# Installation layout (cmake --install, and the .deb through CPack):
#   bin/modelfile-lint, bin/modelfile-lsp
#   share/man/man1/modelfile-lint.1.gz, modelfile-lsp.1.gz  (generated at build
#     time from the programs themselves: cmake/gen-man.sh)
#   share/modelfile-lint/queries/*.scm       (grammar/queries, the single copy)
#   share/modelfile-lint/modelfile-lint.schema.json
#   share/nvim/site/{ftdetect,ftplugin,lua,lsp}  (editors/neovim; on Neovim's
#     default runtimepath via XDG_DATA_DIRS) and share/nvim/site/parser/modelfile.so
#   share/doc/modelfile-lint/editors/        (Helix, Zed, Emacs, Kakoune snippets)
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
foreach(_mfl_prog modelfile-lint modelfile-lsp)
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

if(MFL_INSTALL_NVIM)
  set(_mfl_nvim_site "${CMAKE_INSTALL_DATADIR}/nvim/site")
  install(DIRECTORY
      "${PROJECT_SOURCE_DIR}/editors/neovim/ftdetect"
      "${PROJECT_SOURCE_DIR}/editors/neovim/ftplugin"
      "${PROJECT_SOURCE_DIR}/editors/neovim/lsp"
      "${PROJECT_SOURCE_DIR}/editors/neovim/lua"
    DESTINATION "${_mfl_nvim_site}" COMPONENT runtime)
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
