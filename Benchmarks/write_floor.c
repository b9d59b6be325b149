// The cost of the output alone: reads every file of a built site into memory, then (timed) creates the folders and
// writes the files into an empty folder with two threads, optionally hashing each with SHA-256 as gongkai's manifest
// does. What no generator writing the same files can go below on this machine.
//
// With MARKDOWN (a list of Markdown files, one path a line), each thread first reads its share of them and renders it
// with cmark-gfm and the five GFM extensions, as gongkai does (timed too): sources in, gongkai's output out, and
// nothing in between. What no generator that renders these sources and writes these files can go below.
//
// MODE keys (hash too): each thread also counts, per Markdown file, the keys the search index is made of (each
// character and each pair of adjacent characters, as SearchIndexBuilder.addKeys does, the file's Markdown standing
// in for its plain text) in an open-addressing table cleared per file, and packs them (key, count): the search
// index's first step, without merging, sorting or writing the postings.
//
//   write_floor LIST SRC DST nohash|hash|keys [MARKDOWN]     (LIST: the files' paths below SRC, one a line)
#define _GNU_SOURCE
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <fcntl.h>
#include <openssl/sha.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

typedef struct { char *path; char *bytes; size_t length; } File;
static File *files;
static int count;
static int hash;
static int keys;
static long long key_total[2];
static const char *destination;
static char **markdown;
static int markdown_count;

static char *read_all(const char *path, size_t *length) {
    FILE *f = fopen(path, "rb");
    if (!f) { perror(path); exit(1); }
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *bytes = malloc(size > 0 ? (size_t)size : 1);
    if (size > 0 && fread(bytes, 1, (size_t)size, f) != (size_t)size) { perror(path); exit(1); }
    fclose(f);
    *length = (size_t)size;
    return bytes;
}

enum { SLOTS = 1 << 15 };
typedef struct { uint64_t key[SLOTS]; uint32_t count[SLOTS]; int used[SLOTS]; uint64_t packed[SLOTS]; long long total; } KeyTable;

/// Counts each character and each pair of adjacent characters (not across spaces and line ends) of `b`.
static void count_keys(const unsigned char *b, size_t n, KeyTable *t) {
    int used = 0;
    uint32_t previous = 0;
    for (size_t p = 0; p < n;) {
        uint32_t c = b[p];
        if (c < 0x80) p += 1;
        else if (c < 0xE0 && p + 1 < n) { c = ((c & 0x1F) << 6) | (b[p + 1] & 0x3F); p += 2; }
        else if (c < 0xF0 && p + 2 < n) { c = ((c & 0x0F) << 12) | ((b[p + 1] & 0x3F) << 6) | (b[p + 2] & 0x3F); p += 3; }
        else if (p + 3 < n) { c = ((c & 0x07) << 18) | ((b[p + 1] & 0x3F) << 12) | ((b[p + 2] & 0x3F) << 6) | (b[p + 3] & 0x3F); p += 4; }
        else break;
        if (c == ' ' || c == '\n') { previous = 0; continue; }
        for (int pair = 0; pair < 2; pair++) {
            if (pair && !previous) break;
            uint64_t key = pair ? ((uint64_t)previous << 21 | c) : c;
            uint64_t h = (key * 0x9E3779B97F4A7C15ull) >> 49;
            while (t->count[h] && t->key[h] != key) h = (h + 1) & (SLOTS - 1);
            if (!t->count[h]) { t->key[h] = key; if (used < SLOTS) t->used[used++] = (int)h; }
            t->count[h]++;
        }
        previous = c;
    }
    for (int u = 0; u < used; u++) { int h = t->used[u]; t->packed[u] = t->key[h] << 22 | t->count[h]; t->count[h] = 0; }
    t->total += used;
}

static void render(const char *path, KeyTable *table) {
    static const char *names[] = { "table", "strikethrough", "autolink", "tagfilter", "tasklist" };
    size_t length;
    char *text = read_all(path, &length);
    cmark_parser *parser = cmark_parser_new(CMARK_OPT_DEFAULT);
    for (int e = 0; e < 5; e++) cmark_parser_attach_syntax_extension(parser, cmark_find_syntax_extension(names[e]));
    cmark_parser_feed(parser, text, length);
    cmark_node *document = cmark_parser_finish(parser);
    char *html = cmark_render_html(document, CMARK_OPT_DEFAULT, cmark_parser_get_syntax_extensions(parser));
    free(html);
    cmark_node_free(document);
    cmark_parser_free(parser);
    if (table) count_keys((const unsigned char *)text, length, table);
    free(text);
}

static void make_parents(const char *path) {
    char buffer[4096];
    snprintf(buffer, sizeof buffer, "%s", path);
    for (char *s = buffer + 1; *s; s++) {
        if (*s == '/') { *s = 0; mkdir(buffer, 0755); *s = '/'; }
    }
}

static void *write_share(void *arg) {
    long thread = (long)arg;
    char path[4096];
    KeyTable *table = keys ? calloc(1, sizeof(KeyTable)) : NULL;
    for (int i = (int)thread; i < markdown_count; i += 2) render(markdown[i], table);
    if (table) key_total[thread] = table->total;
    free(table);
    for (int i = (int)thread; i < count; i += 2) {
        snprintf(path, sizeof path, "%s/%s", destination, files[i].path);
        make_parents(path);
        int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd < 0 || write(fd, files[i].bytes, files[i].length) != (ssize_t)files[i].length) { perror(path); exit(1); }
        close(fd);
        if (hash) { unsigned char digest[32]; SHA256((const unsigned char *)files[i].bytes, files[i].length, digest); }
    }
    return NULL;
}

int main(int argc, char **argv) {
    if (argc < 4) { fprintf(stderr, "usage: write_floor LIST SRC DST nohash|hash|keys [MARKDOWN]\n"); return 2; }
    destination = argv[3];
    keys = argc > 4 && strcmp(argv[4], "keys") == 0;
    hash = keys || (argc > 4 && strcmp(argv[4], "hash") == 0);
    if (argc > 5) {
        cmark_gfm_core_extensions_ensure_registered();
        FILE *md = fopen(argv[5], "r");
        if (!md) { perror(argv[5]); return 1; }
        char entry[4096];
        markdown = malloc(sizeof(char *) * 65536);
        while (fgets(entry, sizeof entry, md) && markdown_count < 65536) {
            entry[strcspn(entry, "\n")] = 0;
            markdown[markdown_count++] = strdup(entry);
        }
        fclose(md);
    }
    FILE *list = fopen(argv[1], "r");
    if (!list) { perror(argv[1]); return 1; }
    size_t capacity = 1024;
    files = malloc(sizeof(File) * capacity);
    char line[4096];
    while (fgets(line, sizeof line, list)) {
        line[strcspn(line, "\n")] = 0;
        char path[8192];
        snprintf(path, sizeof path, "%s/%s", argv[2], line);
        FILE *f = fopen(path, "rb");
        if (!f) { perror(path); return 1; }
        fseek(f, 0, SEEK_END);
        long length = ftell(f);
        fseek(f, 0, SEEK_SET);
        char *bytes = malloc(length > 0 ? (size_t)length : 1);
        if (length > 0 && fread(bytes, 1, (size_t)length, f) != (size_t)length) { perror(path); return 1; }
        fclose(f);
        if ((size_t)count == capacity) { capacity *= 2; files = realloc(files, sizeof(File) * capacity); }
        files[count++] = (File){ strdup(line), bytes, (size_t)length };
    }
    fclose(list);
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    pthread_t threads[2];
    for (long t = 0; t < 2; t++) pthread_create(&threads[t], NULL, write_share, (void *)t);
    for (int t = 0; t < 2; t++) pthread_join(threads[t], NULL);
    clock_gettime(CLOCK_MONOTONIC, &end);
    printf("%s%d files written%s in %.3f s\n", markdown_count ? (keys ? "Markdown rendered and its search keys counted, " : "Markdown rendered, ") : "",
           count, hash ? " and hashed" : "",
           (double)(end.tv_sec - start.tv_sec) + (double)(end.tv_nsec - start.tv_nsec) / 1e9);
    if (keys) printf("(%lld keys counted)\n", key_total[0] + key_total[1]);
    return 0;
}
