// SPDX-License-Identifier: MIT
// Zed starts modelfile-lsp from PATH (or lsp.modelfile-lsp.binary.path in
// Zed's settings) and passes lsp.modelfile-lsp.initialization_options and
// .settings through: the keys of .modelfile-lint.json.
use zed_extension_api::{self as zed, settings::LspSettings, LanguageServerId, Result};

struct ModelfileLint;

impl zed::Extension for ModelfileLint {
    fn new() -> Self {
        ModelfileLint
    }

    fn language_server_command(
        &mut self,
        id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<zed::Command> {
        let binary = LspSettings::for_worktree(id.as_ref(), worktree)
            .ok()
            .and_then(|s| s.binary);
        let path = binary
            .as_ref()
            .and_then(|b| b.path.clone())
            .or_else(|| worktree.which("modelfile-lsp"))
            .ok_or_else(|| {
                "modelfile-lsp not found on PATH: install modelfile-lint (the .deb or cmake --install)"
                    .to_string()
            })?;
        let args = binary.and_then(|b| b.arguments).unwrap_or_default();
        Ok(zed::Command { command: path, args, env: worktree.shell_env() })
    }

    fn language_server_initialization_options(
        &mut self,
        id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<Option<zed::serde_json::Value>> {
        Ok(LspSettings::for_worktree(id.as_ref(), worktree)
            .ok()
            .and_then(|s| s.initialization_options))
    }

    fn language_server_workspace_configuration(
        &mut self,
        id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<Option<zed::serde_json::Value>> {
        let settings = LspSettings::for_worktree(id.as_ref(), worktree)
            .ok()
            .and_then(|s| s.settings);
        Ok(settings.map(|s| zed::serde_json::json!({ "modelfile-lint": s })))
    }
}

zed::register_extension!(ModelfileLint);
