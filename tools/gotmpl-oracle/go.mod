module modelfile-lint/tools/gotmpl-oracle

go 1.19
