#ifndef HANDBOOK_CMARK_ARENA_H
#define HANDBOOK_CMARK_ARENA_H

/* Bump arenas for cmark's trees. cmark's allocator (cmark_mem) takes no context argument,
 * so the arena a parse or edit should use is published in a per-thread slot for the length
 * of that synchronous call (handbook_arena_enter / handbook_arena_leave). Memory asked for
 * while no arena is entered comes from malloc and is never freed: the handbook makes every
 * cmark call inside its document's arena, and only tests reach cmark outside one. */

typedef struct handbook_arena handbook_arena;
struct cmark_mem;

handbook_arena *handbook_arena_create(void);
/* Frees the arena's memory: every tree allocated in it must be gone. */
void handbook_arena_destroy(handbook_arena *arena);
/* Frees every chunk but the first and empties it: every tree allocated in it must be gone. */
void handbook_arena_reset(handbook_arena *arena);

/* Makes `arena` the calling thread's arena; returns the one entered before, to leave to. */
handbook_arena *handbook_arena_enter(handbook_arena *arena);
void handbook_arena_leave(handbook_arena *previous);

/* The allocator to give cmark: the entered arena, else malloc. */
struct cmark_mem *handbook_arena_allocator(void);

#endif
