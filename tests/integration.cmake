# SPDX-License-Identifier: MIT
# Integration tests with the real programs we integrate with (pre-commit,
# vsce, Neovim, Vim + ALE, Emacs + eglot, Kakoune, dpkg). Included from tests/CMakeLists.txt; run with
#   ctest --test-dir build -L integration --output-on-failure
# They need the network for apt-get / npm / Debian 13 packages on first run,
# and deb_test installs the .deb system-wide (root or sudo).
set(_mfl_it "${PROJECT_SOURCE_DIR}/tests/integration")

if(TARGET modelfile-lint)
  mfl_test(integration precommit
    COMMAND bash "${_mfl_it}/precommit_test.sh" "$<TARGET_FILE:modelfile-lint>" "${PROJECT_SOURCE_DIR}"
      "${MFL_CORPUS_DIR}"
    TIMEOUT 600)
endif()

if(TARGET modelfile-lsp)
  # MFL_WASM_MODULE: a WebAssembly build's modelfile-lsp.wasm (tools/test.sh
  # passes build-wasm's), packaged and tested in process.
  set(MFL_WASM_MODULE "" CACHE FILEPATH "modelfile-lsp.wasm for the VS Code packages")
  mfl_test(integration vscode
    COMMAND bash "${_mfl_it}/vscode_test.sh" "$<TARGET_FILE:modelfile-lsp>" "${PROJECT_SOURCE_DIR}"
      "${MFL_WASM_MODULE}"
    TIMEOUT 600)
  mfl_test(integration neovim
    COMMAND bash "${_mfl_it}/neovim_test.sh" "$<TARGET_FILE:modelfile-lsp>" "${PROJECT_SOURCE_DIR}"
    TIMEOUT 600)
  # The README's Neovim set-up in a real terminal (tmux), with no parser built.
  mfl_test(integration neovim_tty
    COMMAND bash "${_mfl_it}/neovim_tty_test.sh" "$<TARGET_FILE:modelfile-lsp>" "${PROJECT_SOURCE_DIR}"
    TIMEOUT 600)
  # Helix and Emacs/Kakoune tests that need only the server and Debian packages.
  mfl_test(integration editors
    COMMAND bash "${_mfl_it}/editors_test.sh" "$<TARGET_FILE:modelfile-lsp>" "${PROJECT_SOURCE_DIR}"
    TIMEOUT 600)
  # Debian's Vim + ALE with editors/vim.
  mfl_test(integration vim
    COMMAND bash "${_mfl_it}/vim_test.sh" "$<TARGET_FILE:modelfile-lsp>" "${PROJECT_SOURCE_DIR}"
    TIMEOUT 300)
endif()

# The README's commands from a fresh clone (builds twice: a few minutes).
mfl_test(integration readme COMMAND bash "${_mfl_it}/readme_test.sh" "${PROJECT_SOURCE_DIR}"
  SKIP_77 TIMEOUT 1200)
mfl_test(integration editor_files COMMAND bash "${_mfl_it}/editor_files_test.sh" "${PROJECT_SOURCE_DIR}"
  SKIP_77)

if(TARGET modelfile-lint AND TARGET modelfile-lsp AND NOT MFL_SANITIZE)
  # Builds the .deb from this build tree (cpack), installs it with dpkg and
  # runs the installed programs. SERIAL: it changes the system. Not for
  # sanitizer builds (their binaries need libasan, which the .deb must not).
  mfl_test(integration deb
    COMMAND bash "${_mfl_it}/deb_test.sh" "${PROJECT_BINARY_DIR}" "${PROJECT_SOURCE_DIR}"
    TIMEOUT 900 SERIAL)
endif()
