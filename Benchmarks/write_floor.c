// The cost of the output alone: reads every file of a built site into memory, then (timed) creates the folders and
// writes the files into an empty folder with two threads, optionally hashing each with SHA-256 as gongkai's manifest
// does. What no generator writing the same files can go below on this machine.
//
// With MARKDOWN (a list of Markdown files, one path a line), each thread first reads its share of them and renders it
// with cmark-gfm and the five GFM extensions, as gongkai does (timed too): sources in, gongkai's output out, and
// nothing in between. What no generator that renders these sources and writes these files can go below.
//
//   write_floor LIST SRC DST nohash|hash [MARKDOWN]     (LIST: the files' paths below SRC, one a line)
#define _GNU_SOURCE
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <fcntl.h>
#include <openssl/sha.h>
#include <pthread.h>
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

static void render(const char *path) {
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
    for (int i = (int)thread; i < markdown_count; i += 2) render(markdown[i]);
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
    if (argc < 4) { fprintf(stderr, "usage: write_floor LIST SRC DST nohash|hash [MARKDOWN]\n"); return 2; }
    destination = argv[3];
    hash = argc > 4 && strcmp(argv[4], "hash") == 0;
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
    printf("%s%d files written%s in %.3f s\n", markdown_count ? "Markdown rendered, " : "", count, hash ? " and hashed" : "",
           (double)(end.tv_sec - start.tv_sec) + (double)(end.tv_nsec - start.tv_nsec) / 1e9);
    return 0;
}
