# SPDX-License-Identifier: MIT
# The web playground (playground/) in a real browser: Debian's Chromium,
# headless, driven by playwright-core. It needs the WebAssembly server:
# MFL_WASM_MODULE (tools/test.sh passes build-wasm's). Label: playground.
#   ctest --test-dir build -L playground --output-on-failure
# Screenshots land in build/playground-artifacts/.
set(MFL_WASM_MODULE "" CACHE FILEPATH "modelfile-lsp.wasm for the VS Code packages and the playground")
if(MFL_WASM_MODULE AND TARGET modelfile-lint)
  set(_pg ${PROJECT_SOURCE_DIR}/tests/playground/run.sh)
  # One at a time: both build the page into the same folder first.
  mfl_test(playground story
    COMMAND bash ${_pg} story ${MFL_WASM_MODULE} ${CMAKE_BINARY_DIR}
    SKIP_77 TIMEOUT 600 RESOURCE_LOCK playground)
  mfl_test(playground differential
    COMMAND bash ${_pg} differential ${MFL_WASM_MODULE} ${CMAKE_BINARY_DIR}
      $<TARGET_FILE:modelfile-lint> ${MFL_CORPUS_DIR}
    SKIP_77 TIMEOUT 600 RESOURCE_LOCK playground)
endif()
