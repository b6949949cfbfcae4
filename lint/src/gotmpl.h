#ifndef MFL_GOTMPL_H
#define MFL_GOTMPL_H
typedef int mfl__gotmpl_placeholder;
#endif
