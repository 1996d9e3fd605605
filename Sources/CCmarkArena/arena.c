#include "CCmarkArena.h"

#include <cmark.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum { CHUNK_SIZE = 256 * 1024, HEADER = 16 };

/* Chunks are linked by their first word; blocks start with a 16-byte header (keeping them
 * 16-byte aligned, as malloc's are) holding their size. */
struct handbook_arena {
    char *chunk;
    size_t used, capacity;
};

typedef struct {
    size_t size;
    size_t unused;
} header;

/* The only state outside an arena: which arena this thread's cmark calls use right now. */
static _Thread_local handbook_arena *entered;

static char *new_chunk(size_t capacity, char *previous) {
    char *chunk = malloc(capacity);
    if (!chunk) abort();
    memcpy(chunk, &previous, sizeof previous);
    return chunk;
}

static size_t rounded(size_t size) { return (size + 15) & ~(size_t)15; }

handbook_arena *handbook_arena_create(void) {
    handbook_arena *arena = malloc(sizeof *arena);
    if (!arena) abort();
    arena->chunk = new_chunk(CHUNK_SIZE, NULL);
    arena->used = HEADER;
    arena->capacity = CHUNK_SIZE;
    return arena;
}

void handbook_arena_reset(handbook_arena *arena) {
    char *previous;
    while (memcpy(&previous, arena->chunk, sizeof previous), previous) {
        free(arena->chunk);
        arena->chunk = previous;
    }
    arena->used = HEADER;
    arena->capacity = CHUNK_SIZE;
}

void handbook_arena_destroy(handbook_arena *arena) {
    handbook_arena_reset(arena);
    free(arena->chunk);
    free(arena);
}

handbook_arena *handbook_arena_enter(handbook_arena *arena) {
    handbook_arena *previous = entered;
    entered = arena;
    return previous;
}

void handbook_arena_leave(handbook_arena *previous) { entered = previous; }

static void *allocate(size_t size) {
    handbook_arena *arena = entered;
    size_t needed = HEADER + rounded(size);
    char *block;
    if (!arena) {
        block = malloc(needed);
        if (!block) abort();
    } else {
        if (arena->used + needed > arena->capacity) {
            arena->capacity = needed + HEADER > CHUNK_SIZE ? needed + HEADER : CHUNK_SIZE;
            arena->chunk = new_chunk(arena->capacity, arena->chunk);
            arena->used = HEADER;
        }
        block = arena->chunk + arena->used;
        arena->used += needed;
    }
    ((header *)block)->size = size;
    return block + HEADER;
}

static void *arena_calloc(size_t count, size_t size) {
    void *bytes = allocate(count * size);
    memset(bytes, 0, count * size);
    return bytes;
}

/* Grows the last block in place when it can: cmark's buffers grow while nothing else is
 * allocated, so most reallocations cost nothing. */
static void *arena_realloc(void *pointer, size_t size) {
    if (!pointer) return allocate(size);
    header *block = (header *)((char *)pointer - HEADER);
    size_t old = block->size;
    if (size <= old) return pointer;
    handbook_arena *arena = entered;
    if (arena && (char *)pointer + rounded(old) == arena->chunk + arena->used &&
        arena->used + rounded(size) - rounded(old) <= arena->capacity) {
        arena->used += rounded(size) - rounded(old);
        block->size = size;
        return pointer;
    }
    void *moved = allocate(size);
    memcpy(moved, pointer, old);
    return moved;
}

/* Blocks go with their arena. cmark frees a whole tree with the root's allocator, so a tree
 * holding a node made with another allocator (tests do this) hands it here too: freeing
 * nothing one by one keeps that harmless. */
static void arena_free(void *pointer) { (void)pointer; }

static cmark_mem allocator = {arena_calloc, arena_realloc, arena_free};

struct cmark_mem *handbook_arena_allocator(void) { return &allocator; }
