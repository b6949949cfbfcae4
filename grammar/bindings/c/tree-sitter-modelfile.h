#ifndef TREE_SITTER_MODELFILE_H_
#define TREE_SITTER_MODELFILE_H_

typedef struct TSLanguage TSLanguage;

#ifdef __cplusplus
extern "C" {
#endif

const TSLanguage *tree_sitter_modelfile(void);

#ifdef __cplusplus
}
#endif

#endif
