/* The tagger's hot loops, compiled (see tagger.py and context.py; the extension is optional:
 * without a C compiler the package installs and runs the same steps in Python).
 *
 * - trie() and scan(): the stems' hits at word starts, each with its tail (the Python path: an
 *   Aho-Corasick automaton and hitfilter.prefilter, which drops the hits inside words);
 * - fold_fast(): the scan fold's common case;
 * - spans(): the span loop over the hits;
 * - near_words(), coherences(), paragraph_coherences(): what ranking an ambiguous mention reads.
 *
 * Each does exactly what its Python counterpart does; tests/test_hitfilter.py,
 * tests/test_kind_words.py and tests/test_coherence.py run both on the same inputs.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <string.h>

/* Character classes of the code points below CLASS_DENSE, made once at import: the Unicode
 * predicates are a function call or four each, and the scans ask them of every character. */
#define CLASS_DENSE 0x3000
#define C_ALNUM 1   /* str.isalnum() */
#define C_LETTER 2  /* [^\W\d_] of Python's re: alphanumeric and no decimal digit */
#define C_SPACE 4   /* str.isspace(), \s of re */
static unsigned char char_class[CLASS_DENSE];

static void
init_char_class(void)
{
    for (Py_UCS4 c = 0; c < CLASS_DENSE; c++) {
        int alnum = Py_UNICODE_ISALNUM(c);
        char_class[c] = (alnum ? C_ALNUM : 0) | (alnum && !Py_UNICODE_ISDECIMAL(c) ? C_LETTER : 0) |
                        (Py_UNICODE_ISSPACE(c) ? C_SPACE : 0);
    }
}

static inline int
is_alnum(Py_UCS4 c)
{
    return c < CLASS_DENSE ? char_class[c] & C_ALNUM : Py_UNICODE_ISALNUM(c);
}

static inline int
is_space(Py_UCS4 c)
{
    return c < CLASS_DENSE ? char_class[c] & C_SPACE : Py_UNICODE_ISSPACE(c);
}

/* The end of the run of letters and digits from j on (the tail regex's [^\W_]*). */
static Py_ssize_t
word_end(int kind, const void *data, Py_ssize_t n, Py_ssize_t j)
{
    while (j < n && is_alnum(PyUnicode_READ(kind, data, j)))
        j++;
    return j;
}

/* Whether the two code points a, b are one of the sorted heads (a << 32 | b). */
static int
head_known(const uint64_t *heads, Py_ssize_t n_heads, Py_UCS4 a, Py_UCS4 b)
{
    const uint64_t key = (uint64_t)a << 32 | b;
    Py_ssize_t lo = 0, hi = n_heads;
    while (lo < hi) {
        Py_ssize_t m = lo + (hi - lo) / 2;
        if (heads[m] < key)
            lo = m + 1;
        else
            hi = m;
    }
    return lo < n_heads && heads[lo] == key;
}

/* The tail of a hit that ends at e, as hitfilter.prefilter keeps it: a new reference to the
 * tail (the rest of the word: ['-]? then letters and digits; a str), or to None when the word
 * goes on with no known tail — its next two letters none of the sorted heads, or the tail not
 * in known_tails; NULL on an error. */
static PyObject *
hit_tail(PyObject *s, int kind, const void *data, Py_ssize_t n, Py_ssize_t e, const uint64_t *heads,
         Py_ssize_t n_heads, PyObject *known_tails, PyObject *empty)
{
    if (e >= n)
        return Py_NewRef(empty);
    Py_UCS4 c = PyUnicode_READ(kind, data, e);
    if (c == '\'' || c == '-')
        return PyUnicode_Substring(s, e, word_end(kind, data, n, e + 1));
    if (!is_alnum(c))
        return Py_NewRef(empty);
    if (e + 1 < n && is_alnum(PyUnicode_READ(kind, data, e + 1)) &&
        !head_known(heads, n_heads, c, PyUnicode_READ(kind, data, e + 1)))
        return Py_NewRef(Py_None);
    PyObject *tail = PyUnicode_Substring(s, e, word_end(kind, data, n, e + 1));
    if (tail == NULL)
        return NULL;
    int known = PySet_Contains(known_tails, tail);
    if (known <= 0) {
        Py_DECREF(tail);
        return known < 0 ? NULL : Py_NewRef(Py_None);
    }
    return tail;
}

/* fold_fast(block, table, pairs) -> (scan text, hyphen, spaces, mixed) or None
 *
 * The common case of textfold.fold_block in one pass: the line breaks of break_lines (a "\n\n"
 * pair stays, any other "\n" is a space) and, for every other character, table[c]: the
 * character fold_chars makes of it (its replacement, then lower()). table is a bytes object of
 * native uint32, one per code point below its length (the fold in the low 21 bits, above them the
 * canonical class its decomposition ends with: a mark of a lower class after it makes the block
 * non-NFC, as Ö + dot below; in bits 29 and 30, whether the fold is one of the Latin or the
 * Cyrillic letters that textfold.has_mixed looks for); 0xFFFFFFFF marks a character this pass
 * does not fold (one that may make the block non-NFC, a zero-width one, one whose lower() grows,
 * "\r", NUL); 0x80000000 | class marks a combining mark of that canonical class, kept where
 * the block stays NFC with it: after the marks of a lower class, and where (the letter before it
 * << 21 | it) is not in pairs, the compositions that end with a mark. hyphen: the block has "-" just before a "\n"; spaces: the scan text has two
 * spaces in a row; mixed: a Latin letter beside a Cyrillic one in the scan text (fold_block's
 * cheap tests, on the way). None when the block has a character
 * the pass does not fold or one beyond the table: the caller then takes the Python path, which
 * gives the same text (tests/test_hitfilter.py). */
static PyObject *
fold_fast(PyObject *self, PyObject *args)
{
    PyObject *block, *pairs;
    Py_buffer table;
    if (!PyArg_ParseTuple(args, "Uy*O", &block, &table, &pairs))
        return NULL;
    if (!PyAnySet_Check(pairs)) {
        PyBuffer_Release(&table);
        PyErr_SetString(PyExc_TypeError, "pairs must be a set");
        return NULL;
    }
    const uint32_t *map = (const uint32_t *)table.buf;
    const Py_ssize_t size = table.len / (Py_ssize_t)sizeof(uint32_t);
    const int kind = PyUnicode_KIND(block);
    const void *data = PyUnicode_DATA(block);
    const Py_ssize_t n = PyUnicode_GET_LENGTH(block);
    Py_UCS4 *out = PyMem_Malloc((n ? n : 1) * sizeof(Py_UCS4));
    if (out == NULL) {
        PyBuffer_Release(&table);
        return PyErr_NoMemory();
    }
    Py_ssize_t i = 0;
    int hyphen = 0, spaces = 0, mixed = 0;
    uint32_t script = 0;  /* of the scan character before: 1 Latin, 2 Cyrillic (bits 29, 30), else 0 */
    Py_UCS4 last = 0;  /* the block's character before this one */
    Py_UCS4 starter = 0;  /* the last character that is no combining mark */
    uint32_t last_class = 0;  /* the combining class of the character before this one */
    while (i < n) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c == '\n') {
            last_class = 0;
            script = 0;
            starter = c;
            hyphen |= last == '-';
            if (i + 1 < n && PyUnicode_READ(kind, data, i + 1) == '\n') {
                out[i] = out[i + 1] = '\n';
                i += 2;
            } else {
                out[i] = ' ';
                spaces |= i > 0 && out[i - 1] == ' ';
                i++;
            }
            last = '\n';
            continue;
        }
        uint32_t m = (Py_ssize_t)c < size ? map[c] : 0xFFFFFFFFu;
        if (m != 0xFFFFFFFFu && (m & 0x80000000u)) {
            /* a combining mark (its class in the low byte): the block stays NFC while the marks
             * after a letter come in canonical order and none composes with that letter */
            uint32_t cls = m & 0xFFu;
            PyObject *pair = PyLong_FromUnsignedLongLong(((unsigned long long)starter << 21) | c);
            int composes = pair == NULL ? -1 : PySet_Contains(pairs, pair);
            Py_XDECREF(pair);
            if (composes < 0) {
                PyMem_Free(out);
                PyBuffer_Release(&table);
                return NULL;
            }
            if (cls < last_class || composes)
                m = 0xFFFFFFFFu;
            else {
                out[i] = c;  /* fold_chars leaves a mark as it is */
                last_class = cls;
                script = 0;
                last = c;
                i++;
                continue;
            }
        }
        if (m == 0xFFFFFFFFu) {
            PyMem_Free(out);
            PyBuffer_Release(&table);
            Py_RETURN_NONE;
        }
        last_class = (m >> 21) & 0xFFu;  /* the class its decomposition ends with (Ö: 230) */
        starter = c;
        out[i] = m & 0x1FFFFFu;
        uint32_t this_script = (m >> 29) & 3u;  /* a Latin letter beside a Cyrillic one: mixed */
        mixed |= (script | this_script) == 3u;
        script = this_script;
        spaces |= out[i] == ' ' && i > 0 && out[i - 1] == ' ';
        last = c;
        i++;
    }
    PyBuffer_Release(&table);
    PyObject *text = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, out, n);
    PyMem_Free(out);
    if (text == NULL)
        return NULL;
    return Py_BuildValue("(NOOO)", text, hyphen ? Py_True : Py_False, spaces ? Py_True : Py_False,
                         mixed ? Py_True : Py_False);
}

/* Is the character at pos the first of a sentence (block text): nothing but spaces, tabs and
 * \r before it back to the text's start, a line break or a sentence end (Tagger._sentence_initial). */
static int
sentence_initial(int kind, const void *data, Py_ssize_t pos, PyObject *ends)
{
    Py_ssize_t i = pos - 1;
    while (i >= 0) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c != ' ' && c != '\t' && c != 0xA0 && c != '\r')
            break;
        i--;
    }
    if (i < 0)
        return 1;
    Py_UCS4 c = PyUnicode_READ(kind, data, i);
    return c == '\n' || PyUnicode_FindChar(ends, c, 0, PyUnicode_GET_LENGTH(ends), 1) >= 0;
}

/* spans(hits, payloads, s, block, ambiguous_words, sentence_end, apostrophe_tails, clitic_cases,
 *       adjective_cases, max_unknown_tail, out, slow) -> whether a list adjective was seen
 *
 * The loop of Tagger._hits over the prefiltered hits, for a block whose scan text s has the
 * block's own offsets (Folded.is_identity): each group of a hit's key whose tails take the hit's
 * tail, whose case rule the block's letters meet and whose flags allow it gives a span (start,
 * end, stem end, case, members, member set) appended to out. A hit whose key is a cue or a
 * feature word goes to slow(key, start, end, tail), the same loop in Python, which
 * appends to out too: the spans stay in the hits' order. The flags are tagger.py's. */
#define AMBIGUOUS_WORD 1
#define HAS_SPACE 2
#define AMBIGUOUS_FORM 16
#define LIST_ADJECTIVE 32
#define CUES (4 | 8 | 64 | 128)

static PyObject *
spans(PyObject *self, PyObject *args)
{
    PyObject *hits, *payloads, *s, *block, *ambiguous_words, *ends, *apostrophe_tails, *clitic_cases;
    PyObject *adjective_cases, *out, *slow;
    Py_ssize_t max_unknown;
    if (!PyArg_ParseTuple(args, "O!O!UUOUO!OOnO!O", &PyList_Type, &hits, &PyList_Type, &payloads, &s, &block,
                          &ambiguous_words, &ends, &PyDict_Type, &apostrophe_tails, &clitic_cases,
                          &adjective_cases, &max_unknown, &PyList_Type, &out, &slow))
        return NULL;
    if (!PyAnySet_Check(ambiguous_words) || !PyAnySet_Check(clitic_cases) || !PyAnySet_Check(adjective_cases)) {
        PyErr_SetString(PyExc_TypeError, "ambiguous_words, clitic_cases and adjective_cases must be sets");
        return NULL;
    }
    if (PyUnicode_GET_LENGTH(s) != PyUnicode_GET_LENGTH(block)) {
        PyErr_SetString(PyExc_ValueError, "the scan text and the block differ in length");
        return NULL;
    }
    const int bkind = PyUnicode_KIND(block);
    const void *bdata = PyUnicode_DATA(block);
    const Py_ssize_t n = PyUnicode_GET_LENGTH(block);
    const Py_ssize_t n_payloads = PyList_GET_SIZE(payloads);
    int adjectives = 0;
    PyObject *empty = PyUnicode_FromStringAndSize("", 0);
    if (empty == NULL)
        return NULL;

    for (Py_ssize_t h = 0; h < PyList_GET_SIZE(hits); h++) {
        PyObject *hit = PyList_GET_ITEM(hits, h);
        if (!PyTuple_Check(hit) || PyTuple_GET_SIZE(hit) != 4) {
            PyErr_SetString(PyExc_TypeError, "a hit must be a (key, start, end, tail) tuple");
            goto error;
        }
        Py_ssize_t key = PyLong_AsSsize_t(PyTuple_GET_ITEM(hit, 0));
        Py_ssize_t start = PyLong_AsSsize_t(PyTuple_GET_ITEM(hit, 1));
        Py_ssize_t e = PyLong_AsSsize_t(PyTuple_GET_ITEM(hit, 2));
        PyObject *tail = PyTuple_GET_ITEM(hit, 3);
        if (PyErr_Occurred())
            goto error;
        if (key < 0 || key >= n_payloads || start < 0 || e < start || e > n) {
            PyErr_SetString(PyExc_ValueError, "a hit out of range");
            goto error;
        }
        PyObject *value = PyList_GET_ITEM(payloads, key);
        if (!PyTuple_Check(value) || PyTuple_GET_SIZE(value) != 2 || !PyTuple_Check(PyTuple_GET_ITEM(value, 0))) {
            PyErr_SetString(PyExc_TypeError, "a payload must be (groups, flags)");
            goto error;
        }
        PyObject *groups = PyTuple_GET_ITEM(value, 0);
        long flags = PyLong_AsLong(PyTuple_GET_ITEM(value, 1));
        if (flags == -1 && PyErr_Occurred())
            goto error;
        if (flags & CUES) {
            PyObject *r = PyObject_CallFunctionObjArgs(slow, PyTuple_GET_ITEM(hit, 0), PyTuple_GET_ITEM(hit, 1),
                                                       PyTuple_GET_ITEM(hit, 2), tail, NULL);
            if (r == NULL)
                goto error;
            Py_DECREF(r);
            continue;
        }
        if (tail == Py_None)
            continue;
        if (!PyUnicode_Check(tail)) {
            PyErr_SetString(PyExc_TypeError, "a tail must be a str or None");
            goto error;
        }
        const Py_ssize_t tail_len = PyUnicode_GET_LENGTH(tail);
        const Py_UCS4 tail0 = tail_len ? PyUnicode_READ_CHAR(tail, 0) : 0;
        int initial = -1;  /* whether the hit may stand at a sentence's start (ambiguous words), when asked */
        for (Py_ssize_t g = 0; g < PyTuple_GET_SIZE(groups); g++) {
            PyObject *group = PyTuple_GET_ITEM(groups, g);
            if (!PyTuple_Check(group) || PyTuple_GET_SIZE(group) != 4 || !PyDict_Check(PyTuple_GET_ITEM(group, 0))) {
                PyErr_SetString(PyExc_TypeError, "a group must be (tails, rule, members, member set)");
                goto error;
            }
            PyObject *tails = PyTuple_GET_ITEM(group, 0);
            long rule = PyLong_AsLong(PyTuple_GET_ITEM(group, 1));
            if (rule == -1 && PyErr_Occurred())
                goto error;
            PyObject *case_ = PyDict_GetItemWithError(tails, tail);  /* borrowed */
            Py_ssize_t used = tail_len;
            if (case_ == NULL) {
                if (PyErr_Occurred())
                    goto error;
                PyObject *bare = PyDict_GetItemWithError(tails, empty);
                if (bare == NULL) {
                    if (PyErr_Occurred())
                        goto error;
                    continue;
                }
                if (!tail_len)
                    continue;
                if (tail0 == '-') {  /* Шуша-Ханкенди: the name ends at the hyphen */
                    used = 0;
                    case_ = bare;
                } else if (tail0 != '\'') {
                    continue;
                } else {
                    case_ = PyDict_GetItemWithError(apostrophe_tails, tail);
                    if (case_ == NULL) {
                        if (PyErr_Occurred())
                            goto error;
                        if (tail_len - 1 > max_unknown)  /* an unknown suffix or a closing quote */
                            continue;
                        used = 0;
                        case_ = bare;
                    }
                }
            }
            if (rule == 1) {  /* CASE_INITIAL */
                Py_UCS4 first = PyUnicode_READ(bkind, bdata, start);
                if (!Py_UNICODE_ISUPPER(first) && Py_UNICODE_ISALPHA(first))
                    continue;
            } else if (rule == 2) {  /* CASE_ALL: no lower-case letter */
                int lower = 0;
                for (Py_ssize_t i = start; i < e && !lower; i++)
                    lower = Py_UNICODE_ISLOWER(PyUnicode_READ(bkind, bdata, i));
                if (lower)
                    continue;
            }
            if (flags & (AMBIGUOUS_WORD | HAS_SPACE | AMBIGUOUS_FORM | LIST_ADJECTIVE)) {
                int ambiguous = (flags & AMBIGUOUS_WORD) != 0;
                if (!ambiguous && (flags & AMBIGUOUS_FORM)) {
                    if (e + tail_len > n) {
                        PyErr_SetString(PyExc_ValueError, "a tail beyond the text");
                        goto error;
                    }
                    PyObject *form = PyUnicode_Substring(s, start, e + tail_len);
                    if (form == NULL)
                        goto error;
                    int found = PySet_Contains(ambiguous_words, form);
                    Py_DECREF(form);
                    if (found < 0)
                        goto error;
                    ambiguous = found;
                }
                if (ambiguous) {
                    if (initial < 0)
                        initial = sentence_initial(bkind, bdata, start, ends);
                    if (initial)
                        continue;
                }
                if (flags & HAS_SPACE) {  /* a two-word name across a blank line is none */
                    int breaks = 0;
                    for (Py_ssize_t i = start; i < e; i++)
                        breaks += PyUnicode_READ(bkind, bdata, i) == '\n';
                    if (breaks > 1)
                        continue;
                }
                if (flags & LIST_ADJECTIVE) {
                    int is_adjective = PySet_Contains(adjective_cases, case_);
                    if (is_adjective < 0)
                        goto error;
                    adjectives |= is_adjective;
                }
            }
            if (used) {  /* Stepanakert's: the possessive stays outside the span */
                int clitic = PySet_Contains(clitic_cases, case_);
                if (clitic < 0)
                    goto error;
                if (clitic)
                    used = 0;
            }
            PyObject *end = PyLong_FromSsize_t(e + used);
            if (end == NULL)
                goto error;
            PyObject *span = PyTuple_Pack(6, PyTuple_GET_ITEM(hit, 1), end, PyTuple_GET_ITEM(hit, 2), case_,
                                          PyTuple_GET_ITEM(group, 2), PyTuple_GET_ITEM(group, 3));
            Py_DECREF(end);
            if (span == NULL)
                goto error;
            int failed = PyList_Append(out, span);
            Py_DECREF(span);
            if (failed)
                goto error;
        }
    }
    Py_DECREF(empty);
    return PyBool_FromLong(adjectives);

error:
    Py_DECREF(empty);
    return NULL;
}

/* ---- the key trie: the automaton's hits at word starts, without the automaton ----------------
 *
 * The Python path keeps only the automaton's hits that start a word (hitfilter.prefilter); half
 * of them start inside one, and the automaton walks every code point to report them. A trie of
 * the same keys, walked from each position whose previous character is no letter or digit,
 * reports exactly the hits that filter keeps: each start in text order, at one start the keys in order of length, as the
 * automaton reports them (it reports by end). Children of a node are contiguous nodes, their
 * labels in code point order (the keys are sorted first); the root's are found through a table
 * by code point. */

#define ROOT_DENSE 0x3000  /* the root's children of code points below this are found by table */

typedef struct {
    Py_UCS4 label;   /* the code point that leads to it */
    uint32_t first;  /* its first child */
    uint32_t count;  /* how many children */
    int32_t key;     /* the key that ends there, or -1 */
} TrieNode;  /* a node's children are contiguous records: a step of the walk reads one place */

typedef struct {
    TrieNode *node;
    uint32_t *root;   /* per code point below ROOT_DENSE: the root's child, or 0 */
    unsigned char *special;  /* per key: read whatever its word's tail (cue words) */
    uint64_t *heads;  /* the first two letters of the known tails (a << 32 | b), sorted */
    Py_ssize_t n_heads;
} Trie;

static void
trie_free(Trie *t)
{
    if (t == NULL)
        return;
    PyMem_Free(t->node);
    PyMem_Free(t->root);
    PyMem_Free(t->special);
    PyMem_Free(t->heads);
    PyMem_Free(t);
}

static void
trie_capsule_free(PyObject *capsule)
{
    trie_free((Trie *)PyCapsule_GetPointer(capsule, "gazetteer.tagging._hits.Trie"));
}

typedef struct {
    const Py_UCS4 *text;
    Py_ssize_t len;
    int32_t id;
} TrieKey;

static int
key_cmp(const void *a, const void *b)
{
    const TrieKey *x = a, *y = b;
    Py_ssize_t n = x->len < y->len ? x->len : y->len;
    for (Py_ssize_t i = 0; i < n; i++)
        if (x->text[i] != y->text[i])
            return x->text[i] < y->text[i] ? -1 : 1;
    return (x->len > n) - (y->len > n);
}

static int
u64_cmp(const void *a, const void *b)
{
    const uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

/* trie(keys, special, tail_heads) -> the trie of keys (a list of distinct non-empty str; a key's
 * number is its index), special the numbers of the keys read whatever their word's tail (a set
 * of ints), tail_heads the first two letters of every known tail of two or more (a set of str). */
static PyObject *
trie(PyObject *self, PyObject *args)
{
    PyObject *keys, *special, *tail_heads;
    if (!PyArg_ParseTuple(args, "O!OO", &PyList_Type, &keys, &special, &tail_heads))
        return NULL;
    if (!PyAnySet_Check(special) || !PyAnySet_Check(tail_heads)) {
        PyErr_SetString(PyExc_TypeError, "special and tail_heads must be sets");
        return NULL;
    }
    const Py_ssize_t n = PyList_GET_SIZE(keys);
    if (n >= INT32_MAX) {
        PyErr_SetString(PyExc_ValueError, "too many keys");
        return NULL;
    }
    Trie *t = PyMem_Calloc(1, sizeof(Trie));
    TrieKey *sorted = PyMem_Calloc(n ? n : 1, sizeof(TrieKey));
    Py_UCS4 *chars = NULL;
    uint32_t *lo = NULL, *hi = NULL, *depth = NULL;
    if (t == NULL || sorted == NULL)
        goto nomemory;
    Py_ssize_t total = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *k = PyList_GET_ITEM(keys, i);
        if (!PyUnicode_Check(k)) {
            PyErr_SetString(PyExc_TypeError, "a key must be a str");
            goto error;
        }
        if (PyUnicode_GET_LENGTH(k) == 0) {
            PyErr_SetString(PyExc_ValueError, "a key is empty");
            goto error;
        }
        total += PyUnicode_GET_LENGTH(k);
    }
    if (total >= UINT32_MAX) {
        PyErr_SetString(PyExc_ValueError, "the keys are too long");
        goto error;
    }
    chars = PyMem_Malloc((total ? total : 1) * sizeof(Py_UCS4));
    if (chars == NULL)
        goto nomemory;
    Py_ssize_t at = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *k = PyList_GET_ITEM(keys, i);
        Py_ssize_t len = PyUnicode_GET_LENGTH(k);
        if (PyUnicode_AsUCS4(k, chars + at, len, 0) == NULL)
            goto error;
        sorted[i].text = chars + at;
        sorted[i].len = len;
        sorted[i].id = (int32_t)i;
        at += len;
    }
    qsort(sorted, n, sizeof(TrieKey), key_cmp);
    for (Py_ssize_t i = 1; i < n; i++) {
        if (key_cmp(&sorted[i - 1], &sorted[i]) == 0) {
            PyErr_SetString(PyExc_ValueError, "a key is there twice");
            goto error;
        }
    }
    /* at most one node per character, and the root */
    const Py_ssize_t cap = total + 1;
    t->node = PyMem_Malloc(cap * sizeof(TrieNode));
    t->root = PyMem_Calloc(ROOT_DENSE, sizeof(uint32_t));
    t->special = PyMem_Calloc(n ? n : 1, 1);
    lo = PyMem_Malloc(cap * sizeof(uint32_t));
    hi = PyMem_Malloc(cap * sizeof(uint32_t));
    depth = PyMem_Malloc(cap * sizeof(uint32_t));
    if (!t->node || !t->root || !t->special || !lo || !hi || !depth)
        goto nomemory;
    /* breadth first: node v covers the sorted keys [lo, hi) that share its depth[v] first
     * characters; its children are made together, so they are contiguous */
    Py_ssize_t n_nodes = 1;
    lo[0] = 0;
    hi[0] = (uint32_t)n;
    depth[0] = 0;
    t->node[0].label = 0;
    for (Py_ssize_t v = 0; v < n_nodes; v++) {
        uint32_t l = lo[v], h = hi[v], d = depth[v];
        t->node[v].key = -1;
        if (l < h && sorted[l].len == d) {  /* a key ends here (it sorts before its extensions) */
            t->node[v].key = sorted[l].id;
            l++;
        }
        t->node[v].first = (uint32_t)n_nodes;
        uint32_t children = 0;
        for (uint32_t i = l; i < h;) {
            Py_UCS4 c = sorted[i].text[d];
            uint32_t j = i + 1;
            while (j < h && sorted[j].text[d] == c)
                j++;
            t->node[n_nodes].label = c;
            lo[n_nodes] = i;
            hi[n_nodes] = j;
            depth[n_nodes] = d + 1;
            if (v == 0 && c < ROOT_DENSE)
                t->root[c] = (uint32_t)n_nodes;
            n_nodes++;
            children++;
            i = j;
        }
        t->node[v].count = children;
    }
    PyObject *iter = PyObject_GetIter(special), *item;
    if (iter == NULL)
        goto error;
    while ((item = PyIter_Next(iter)) != NULL) {
        Py_ssize_t k = PyLong_AsSsize_t(item);
        Py_DECREF(item);
        if (k == -1 && PyErr_Occurred()) {
            Py_DECREF(iter);
            goto error;
        }
        if (k < 0 || k >= n) {
            Py_DECREF(iter);
            PyErr_SetString(PyExc_ValueError, "a special key out of range");
            goto error;
        }
        t->special[k] = 1;
    }
    Py_DECREF(iter);
    if (PyErr_Occurred())
        goto error;
    t->heads = PyMem_Malloc((PySet_GET_SIZE(tail_heads) + 1) * sizeof(uint64_t));
    if (t->heads == NULL)
        goto nomemory;
    iter = PyObject_GetIter(tail_heads);
    if (iter == NULL)
        goto error;
    while ((item = PyIter_Next(iter)) != NULL) {
        if (!PyUnicode_Check(item) || PyUnicode_GET_LENGTH(item) != 2 || t->n_heads >= PySet_GET_SIZE(tail_heads)) {
            Py_DECREF(item);
            Py_DECREF(iter);
            PyErr_SetString(PyExc_ValueError, "a tail head must be a str of two characters");
            goto error;
        }
        t->heads[t->n_heads++] = (uint64_t)PyUnicode_READ_CHAR(item, 0) << 32 | PyUnicode_READ_CHAR(item, 1);
        Py_DECREF(item);
    }
    Py_DECREF(iter);
    if (PyErr_Occurred())
        goto error;
    qsort(t->heads, t->n_heads, sizeof(uint64_t), u64_cmp);
    PyMem_Free(sorted);
    PyMem_Free(chars);
    PyMem_Free(lo);
    PyMem_Free(hi);
    PyMem_Free(depth);
    PyObject *capsule = PyCapsule_New(t, "gazetteer.tagging._hits.Trie", trie_capsule_free);
    if (capsule == NULL)
        trie_free(t);
    return capsule;

nomemory:
    PyErr_NoMemory();
error:
    PyMem_Free(sorted);
    PyMem_Free(chars);
    PyMem_Free(lo);
    PyMem_Free(hi);
    PyMem_Free(depth);
    trie_free(t);
    return NULL;
}

/* The child of node v labelled c, or 0. */
static inline uint32_t
trie_child(const Trie *t, uint32_t v, Py_UCS4 c)
{
    if (v == 0 && c < ROOT_DENSE)
        return t->root[c];
    const uint32_t lo = t->node[v].first, hi = lo + t->node[v].count;
    uint32_t a = lo, b = hi;
    if (b - a <= 8) {
        for (; a < b; a++)
            if (t->node[a].label == c)
                return a;
        return 0;
    }
    while (a < b) {
        uint32_t m = a + (b - a) / 2;
        if (t->node[m].label < c)
            a = m + 1;
        else
            b = m;
    }
    return a < hi && t->node[a].label == c ? a : 0;
}

/* One hit (key, start, e) as the Python filter keeps it, appended to out: 0, or -1 on an error. */
static int
scan_hit(const Trie *t, PyObject *out, PyObject *s, int kind, const void *data, Py_ssize_t n, int32_t key,
         Py_ssize_t start, Py_ssize_t e, PyObject *known_tails, PyObject *empty)
{
    PyObject *tail = hit_tail(s, kind, data, n, e, t->heads, t->n_heads, known_tails, empty);
    if (tail == NULL)
        return -1;
    if (tail == Py_None && !t->special[key]) {
        Py_DECREF(tail);
        return 0;
    }
    PyObject *row = Py_BuildValue("(innN)", (int)key, start, e, tail);
    if (row == NULL)
        return -1;
    int failed = PyList_Append(out, row);
    Py_DECREF(row);
    return failed;
}

static inline int
scan_kind(const Trie *t, PyObject *out, PyObject *s, const int kind, const void *data, Py_ssize_t n,
          PyObject *known_tails, PyObject *empty)
{
    int after_alnum = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (!after_alnum) {
            uint32_t v = trie_child(t, 0, c);
            Py_ssize_t j = i + 1;
            while (v) {
                const int32_t key = t->node[v].key;
                if (key >= 0 && scan_hit(t, out, s, kind, data, n, key, i, j, known_tails, empty) < 0)
                    return -1;
                if (j >= n)
                    break;
                v = trie_child(t, v, PyUnicode_READ(kind, data, j));
                j++;
            }
        }
        after_alnum = is_alnum(c);
    }
    return 0;
}

/* scan(trie, s, known_tails) -> [(key, start, end, tail or None)]: what
 * hitfilter.prefilter(s, hits, special, tail_heads, known_tails) keeps of an automaton's hits of the same
 * keys, in the same order of the hits at each start. */
static PyObject *
scan(PyObject *self, PyObject *args)
{
    PyObject *capsule, *s, *known_tails;
    if (!PyArg_ParseTuple(args, "OUO", &capsule, &s, &known_tails))
        return NULL;
    Trie *t = PyCapsule_GetPointer(capsule, "gazetteer.tagging._hits.Trie");
    if (t == NULL)
        return NULL;
    if (!PyAnySet_Check(known_tails)) {
        PyErr_SetString(PyExc_TypeError, "known_tails must be a set");
        return NULL;
    }
    PyObject *out = PyList_New(0);
    PyObject *empty = PyUnicode_New(0, 0);
    if (out == NULL || empty == NULL)
        goto error;
    const void *data = PyUnicode_DATA(s);
    const Py_ssize_t n = PyUnicode_GET_LENGTH(s);
    int failed;
    switch (PyUnicode_KIND(s)) {  /* one loop per width, each with its reads inlined */
    case PyUnicode_1BYTE_KIND:
        failed = scan_kind(t, out, s, PyUnicode_1BYTE_KIND, data, n, known_tails, empty);
        break;
    case PyUnicode_2BYTE_KIND:
        failed = scan_kind(t, out, s, PyUnicode_2BYTE_KIND, data, n, known_tails, empty);
        break;
    default:
        failed = scan_kind(t, out, s, PyUnicode_4BYTE_KIND, data, n, known_tails, empty);
    }
    if (failed)
        goto error;
    Py_DECREF(empty);
    return out;

error:
    Py_XDECREF(empty);
    Py_XDECREF(out);
    return NULL;
}

/* ---- the words beside a mention (context.KindWords.kinds_near) ---------------------------------
 *
 * For each ambiguous mention the tagger reads the words just before and after it, within its
 * sentence: in Python, with slices, a split and regular expressions. near_words() gives what
 * context.left_words and right_words give (their regular expressions are the definition;
 * tests/test_kind_words.py holds the two equal). */

/* [^\W\d_] of Python's re: a letter (a character str.isalnum() accepts that is no decimal digit) */
static inline int
re_letter(Py_UCS4 c)
{
    return c < CLASS_DENSE ? char_class[c] & C_LETTER : Py_UNICODE_ISALNUM(c) && !Py_UNICODE_ISDECIMAL(c);
}

/* the first character of context._SENTENCE's [.!?;։…]\s */
static inline int
sentence_mark(Py_UCS4 c)
{
    return c == '.' || c == '!' || c == '?' || c == ';' || c == 0x0589 || c == 0x2026;
}

/* The words (_WORDS: letters, an apostrophe and letters) of s[a:b], as _WORDS.findall(s[a:b])
 * finds them, appended to out; at most keep of them (the last when last, else the first; all
 * when keep is 0 and last, as Python's words[-0:]). */
static int
words_of(PyObject *s, int kind, const void *data, Py_ssize_t a, Py_ssize_t b, Py_ssize_t keep, int last,
         PyObject *out)
{
    Py_ssize_t starts[64], ends[64];  /* at most 60 characters: at most 30 words */
    Py_ssize_t count = 0;
    Py_ssize_t i = a;
    while (i < b && count < 64) {
        if (!re_letter(PyUnicode_READ(kind, data, i))) {
            i++;
            continue;
        }
        Py_ssize_t j = i + 1;
        while (j < b && re_letter(PyUnicode_READ(kind, data, j)))
            j++;
        if (j + 1 < b && PyUnicode_READ(kind, data, j) == '\'' && re_letter(PyUnicode_READ(kind, data, j + 1))) {
            j += 2;
            while (j < b && re_letter(PyUnicode_READ(kind, data, j)))
                j++;
        }
        starts[count] = i;
        ends[count] = j;
        count++;
        i = j;
    }
    Py_ssize_t from = 0, to = count;
    if (last) {
        if (keep && keep < count)
            from = count - keep;
    } else if (keep < count) {
        to = keep;
    }
    for (Py_ssize_t k = from; k < to; k++) {
        PyObject *w = PyUnicode_Substring(s, starts[k], ends[k]);
        if (w == NULL)
            return -1;
        int failed = PyList_Append(out, w);
        Py_DECREF(w);
        if (failed)
            return -1;
    }
    return 0;
}

#define NEAR_CHARS 60  /* how far context.KindWords looks on each side */

/* near_words(scan, start, end, lo, hi, window) -> (before, after): the words before start
 * (not before lo, nor before the last sentence end) as context.left_words gives them, and those
 * after end (not beyond hi, unless hi is -1, nor beyond the first sentence end) as right_words
 * does: window of each side, before as the text has them. */
static PyObject *
near_words(PyObject *self, PyObject *args)
{
    PyObject *s;
    Py_ssize_t start, end, lo, hi, window;
    if (!PyArg_ParseTuple(args, "Unnnnn", &s, &start, &end, &lo, &hi, &window))
        return NULL;
    const Py_ssize_t n = PyUnicode_GET_LENGTH(s);
    if (start < 0 || end < 0 || lo < 0 || hi < -1 || window < 0) {
        PyErr_SetString(PyExc_ValueError, "offsets and window must not be negative");
        return NULL;
    }
    const int kind = PyUnicode_KIND(s);
    const void *data = PyUnicode_DATA(s);
    /* scan[max(lo, start - 60):start], cut after its last sentence end */
    Py_ssize_t b = start < n ? start : n;
    Py_ssize_t a = start - NEAR_CHARS > lo ? start - NEAR_CHARS : lo;
    if (a > b)
        a = b;
    for (Py_ssize_t e = b; e > a; e--) {  /* the last match ends furthest right */
        Py_UCS4 c = PyUnicode_READ(kind, data, e - 1);
        if (c == '\n' || (e - 2 >= a && is_space(c) && sentence_mark(PyUnicode_READ(kind, data, e - 2)))) {
            a = e;
            break;
        }
    }
    PyObject *before = PyList_New(0), *after = PyList_New(0);
    if (before == NULL || after == NULL)
        goto error;
    if (words_of(s, kind, data, a, b, window, 1, before) < 0)
        goto error;
    /* scan[end:min(hi, end + 60)], cut at its first sentence end */
    a = end < n ? end : n;
    b = end + NEAR_CHARS;
    if (hi >= 0 && hi < b)
        b = hi;
    if (b > n)
        b = n;
    for (Py_ssize_t p = a; p < b; p++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, p);
        if (c == '\n' || (p + 1 < b && sentence_mark(c) && is_space(PyUnicode_READ(kind, data, p + 1)))) {
            b = p;
            break;
        }
    }
    if (a < b && words_of(s, kind, data, a, b, window, 0, after) < 0)
        goto error;
    return Py_BuildValue("(NN)", before, after);

error:
    Py_XDECREF(before);
    Py_XDECREF(after);
    return NULL;
}

/* ---- a candidate's coherence with a document (context.DocumentPlaces) -------------------------
 *
 * coherences(places, memo, bitmap, starts, flat, related, neighbours, coords, unknown) -> tuple
 *
 * Per place (ints), DocumentPlaces._coherence as memo (a dict) keeps it: 1.0 when a place linked
 * to it (related[place]) or within 30 km of it (flat[starts[place]:starts[place + 1]], the
 * near lists) is one of the document's (a bit set in bitmap, one per place number); else 0.5
 * when one of its links is in neighbours (the links of the document's places); else unknown
 * when coords[place] is None; else 0.0. The document must name a place (the caller says 0.0
 * for each otherwise). */
/* A place's entry in memo (borrowed, in *got), or, when it has none, *got NULL and the place's
 * number and links (related[place], a tuple) in *p and *rel; -1 on an error. */
static int
place_entry(PyObject *memo, PyObject *key, PyObject *related, PyObject **got, Py_ssize_t *p, PyObject **rel)
{
    *got = PyDict_GetItemWithError(memo, key);
    if (*got != NULL)
        return 0;
    if (PyErr_Occurred())
        return -1;
    *p = PyLong_AsSsize_t(key);
    if (*p == -1 && PyErr_Occurred())
        return -1;
    if (*p < 0 || *p >= PyList_GET_SIZE(related)) {
        PyErr_SetString(PyExc_IndexError, "a place out of range");
        return -1;
    }
    *rel = PyList_GET_ITEM(related, *p);
    if (!PyTuple_Check(*rel)) {
        PyErr_SetString(PyExc_TypeError, "related must hold tuples");
        return -1;
    }
    return 0;
}

/* Whether view is a one-dimensional array of integers of one of the struct codes in codes,
 * 1, 2, 4 or 8 bytes each (array.array: 'B', 'H', 'I', 'L', 'Q' unsigned, 'q', 'l' signed). */
static int
int_items(const Py_buffer *view, const char *codes)
{
    const char *f = view->format;
    if (f == NULL || view->ndim != 1)
        return 0;
    if (*f == '@' || *f == '=')
        f++;
    if (f[0] == '\0' || f[1] != '\0' || !strchr(codes, f[0]))
        return 0;
    return view->itemsize == 1 || view->itemsize == 2 || view->itemsize == 4 || view->itemsize == 8;
}

static inline uint64_t
item_at(const Py_buffer *view, Py_ssize_t i)
{
    switch (view->itemsize) {
    case 1: return ((const uint8_t *)view->buf)[i];
    case 2: return ((const uint16_t *)view->buf)[i];
    case 4: return ((const uint32_t *)view->buf)[i];
    default: return ((const uint64_t *)view->buf)[i];
    }
}

static PyObject *
coherences(PyObject *self, PyObject *args)
{
    PyObject *places, *memo, *related, *neighbours, *coords, *starts_obj, *flat_obj;
    Py_buffer bitmap, starts = {0}, flat = {0};
    double unknown;
    if (!PyArg_ParseTuple(args, "OO!y*OOO!OO!d", &places, &PyDict_Type, &memo, &bitmap, &starts_obj, &flat_obj,
                          &PyList_Type, &related, &neighbours, &PyList_Type, &coords, &unknown))
        return NULL;
    PyObject *out = NULL, *seq = NULL;
    PyObject *values[4] = {NULL, NULL, NULL, NULL};  /* 0.0, 0.5, 1.0, unknown */
    if (PyObject_GetBuffer(starts_obj, &starts, PyBUF_FORMAT | PyBUF_C_CONTIGUOUS) < 0 ||
        PyObject_GetBuffer(flat_obj, &flat, PyBUF_FORMAT | PyBUF_C_CONTIGUOUS) < 0)
        goto done;
    if (!PyAnySet_Check(neighbours)) {
        PyErr_SetString(PyExc_TypeError, "neighbours must be a set");
        goto done;
    }
    const unsigned char *bits = bitmap.buf;
    const Py_ssize_t n_bits = bitmap.len * 8;
    const Py_ssize_t n_places = PyList_GET_SIZE(related);
    if (PyList_GET_SIZE(coords) != n_places || starts.len != (n_places + 1) * starts.itemsize) {
        PyErr_SetString(PyExc_ValueError, "related, coords and starts differ in length");
        goto done;
    }
    if (!int_items(&starts, "BHILQN") || !int_items(&flat, "BHILQN")) {
        PyErr_SetString(PyExc_TypeError, "starts and flat must be arrays of unsigned integers");
        goto done;
    }
    const uint64_t total = item_at(&starts, n_places);
    if ((uint64_t)flat.len != total * flat.itemsize) {
        PyErr_SetString(PyExc_ValueError, "flat does not fit starts");
        goto done;
    }
    seq = PySequence_Fast(places, "places must be a sequence");
    if (seq == NULL)
        goto done;
    const Py_ssize_t count = PySequence_Fast_GET_SIZE(seq);
    values[0] = PyFloat_FromDouble(0.0);
    values[1] = PyFloat_FromDouble(0.5);
    values[2] = PyFloat_FromDouble(1.0);
    values[3] = PyFloat_FromDouble(unknown);
    out = PyTuple_New(count);
    if (out == NULL || !values[0] || !values[1] || !values[2] || !values[3])
        goto fail;
    for (Py_ssize_t k = 0; k < count; k++) {
        PyObject *key = PySequence_Fast_GET_ITEM(seq, k), *got, *rel;
        Py_ssize_t p;
        if (place_entry(memo, key, related, &got, &p, &rel) < 0)
            goto fail;
        if (got == NULL) {
            int linked = 0;
            for (Py_ssize_t r = 0; r < PyTuple_GET_SIZE(rel) && !linked; r++) {
                Py_ssize_t q = PyLong_AsSsize_t(PyTuple_GET_ITEM(rel, r));
                if (q == -1 && PyErr_Occurred())
                    goto fail;
                linked = q >= 0 && q < n_bits && (bits[q >> 3] >> (q & 7)) & 1;
            }
            const uint64_t a = item_at(&starts, p), b = item_at(&starts, p + 1);
            if (b < a || b > total) {
                PyErr_SetString(PyExc_ValueError, "starts out of order");
                goto fail;
            }
            for (uint64_t i = a; i < b && !linked; i++) {
                uint64_t q = item_at(&flat, (Py_ssize_t)i);
                linked = q < (uint64_t)n_bits && (bits[q >> 3] >> (q & 7)) & 1;
            }
            if (linked) {
                got = values[2];
            } else {
                int shared = 0;
                for (Py_ssize_t r = 0; r < PyTuple_GET_SIZE(rel) && !shared; r++) {
                    shared = PySet_Contains(neighbours, PyTuple_GET_ITEM(rel, r));
                    if (shared < 0)
                        goto fail;
                }
                got = shared ? values[1] : PyList_GET_ITEM(coords, p) == Py_None ? values[3] : values[0];
            }
            if (PyDict_SetItem(memo, key, got) < 0)
                goto fail;
        }
        PyTuple_SET_ITEM(out, k, Py_NewRef(got));
    }
    goto done;

fail:
    Py_CLEAR(out);
done:
    for (int i = 0; i < 4; i++)
        Py_XDECREF(values[i]);
    Py_XDECREF(seq);
    PyBuffer_Release(&bitmap);
    if (starts.obj != NULL)
        PyBuffer_Release(&starts);
    if (flat.obj != NULL)
        PyBuffer_Release(&flat);
    return out;
}

/* ---- a candidate's coherence with a paragraph (context.ParagraphPlaces) ------------------------
 *
 * paragraph_coherences(places, among, para, related, cells, place_cells, around, memo) -> tuple or None
 *
 * Per place (ints) whose among (its coherence with the document, floats) is not 0,
 * ParagraphPlaces.coherence as memo (a dict) keeps it: 1.0 when one of its links (related[place])
 * is a place of the paragraph (para, a set), else 0.0 when it has no point (place_cells[place],
 * an array('q') of small-cell keys, is INT64_MIN), else 1.0 when another place of the paragraph
 * lies in its cell or one beside it (cells: the paragraph's (place, cell key) pairs; around: the
 * 9 key differences of a cell and its neighbours), else 0.0; 0.0 where among is 0. None when all
 * are equal. */
static PyObject *
paragraph_coherences(PyObject *self, PyObject *args)
{
    PyObject *places, *among, *para, *related, *cells, *place_cells_obj, *around, *memo;
    if (!PyArg_ParseTuple(args, "OOOO!O!OO!O!", &places, &among, &para, &PyList_Type, &related,
                          &PyList_Type, &cells, &place_cells_obj, &PyTuple_Type, &around, &PyDict_Type, &memo))
        return NULL;
    Py_buffer pc = {0};
    PyObject *ps = NULL, *as = NULL, *out = NULL;
    PyObject *values[2] = {NULL, NULL};  /* 0.0, 1.0 */
    long long diffs[9];
    if (!PyAnySet_Check(para)) {
        PyErr_SetString(PyExc_TypeError, "para must be a set");
        return NULL;
    }
    if (PyTuple_GET_SIZE(around) != 9) {
        PyErr_SetString(PyExc_ValueError, "around must hold 9 key differences");
        return NULL;
    }
    for (int i = 0; i < 9; i++) {
        diffs[i] = PyLong_AsLongLong(PyTuple_GET_ITEM(around, i));
        if (diffs[i] == -1 && PyErr_Occurred())
            return NULL;
    }
    if (PyObject_GetBuffer(place_cells_obj, &pc, PyBUF_FORMAT | PyBUF_C_CONTIGUOUS) < 0)
        return NULL;
    const Py_ssize_t n_places = PyList_GET_SIZE(related);
    if (!int_items(&pc, "ql") || pc.itemsize != 8 || pc.len != n_places * 8) {
        PyErr_SetString(PyExc_TypeError, "place_cells must be an array('q'), one per place");
        goto done;
    }
    const int64_t *cell_of = pc.buf;
    ps = PySequence_Fast(places, "places must be a sequence");
    as = ps ? PySequence_Fast(among, "among must be a sequence") : NULL;
    if (as == NULL)
        goto done;
    const Py_ssize_t count = PySequence_Fast_GET_SIZE(ps);
    if (PySequence_Fast_GET_SIZE(as) != count) {
        PyErr_SetString(PyExc_ValueError, "places and among differ in length");
        goto done;
    }
    /* the paragraph's (place, cell) pairs */
    const Py_ssize_t n_cells = PyList_GET_SIZE(cells);
    int64_t *cell_place = PyMem_Malloc((n_cells + 1) * 2 * sizeof(int64_t));
    if (cell_place == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t i = 0; i < n_cells; i++) {
        PyObject *pair = PyList_GET_ITEM(cells, i);
        if (!PyTuple_Check(pair) || PyTuple_GET_SIZE(pair) != 2) {
            PyErr_SetString(PyExc_TypeError, "cells must hold (place, cell key) pairs");
            goto free_cells;
        }
        cell_place[2 * i] = PyLong_AsLongLong(PyTuple_GET_ITEM(pair, 0));
        cell_place[2 * i + 1] = PyLong_AsLongLong(PyTuple_GET_ITEM(pair, 1));
        if (PyErr_Occurred())
            goto free_cells;
    }
    values[0] = PyFloat_FromDouble(0.0);
    values[1] = PyFloat_FromDouble(1.0);
    out = PyTuple_New(count);
    if (out == NULL || values[0] == NULL || values[1] == NULL)
        goto fail;
    double lowest = 2.0, highest = -1.0;
    for (Py_ssize_t k = 0; k < count; k++) {
        double c = PyFloat_AsDouble(PySequence_Fast_GET_ITEM(as, k));
        if (c == -1.0 && PyErr_Occurred())
            goto fail;
        PyObject *got;
        if (c == 0.0) {
            got = values[0];
        } else {
            PyObject *key = PySequence_Fast_GET_ITEM(ps, k), *rel;
            Py_ssize_t p;
            if (place_entry(memo, key, related, &got, &p, &rel) < 0)
                goto fail;
            if (got == NULL) {
                int near = 0;
                for (Py_ssize_t r = 0; r < PyTuple_GET_SIZE(rel) && !near; r++) {
                    near = PySet_Contains(para, PyTuple_GET_ITEM(rel, r));
                    if (near < 0)
                        goto fail;
                }
                if (!near && cell_of[p] != INT64_MIN) {
                    for (Py_ssize_t i = 0; i < n_cells && !near; i++) {
                        if (cell_place[2 * i] == p)  /* a place is not near itself */
                            continue;
                        const int64_t d = cell_place[2 * i + 1] - cell_of[p];
                        for (int j = 0; j < 9 && !near; j++)
                            near = d == diffs[j];
                    }
                }
                got = values[near ? 1 : 0];
                if (PyDict_SetItem(memo, key, got) < 0)
                    goto fail;
            }
        }
        const double v = PyFloat_AsDouble(got);
        if (v == -1.0 && PyErr_Occurred())
            goto fail;
        lowest = v < lowest ? v : lowest;
        highest = v > highest ? v : highest;
        PyTuple_SET_ITEM(out, k, Py_NewRef(got));
    }
    if (count && lowest == highest)  /* the paragraph favours none of them */
        Py_SETREF(out, Py_NewRef(Py_None));
    goto free_cells;

fail:
    Py_CLEAR(out);
free_cells:
    PyMem_Free(cell_place);
done:
    Py_XDECREF(values[0]);
    Py_XDECREF(values[1]);
    Py_XDECREF(ps);
    Py_XDECREF(as);
    PyBuffer_Release(&pc);
    return out;
}

static PyMethodDef methods[] = {
    {"spans", spans, METH_VARARGS,
     "spans(hits, payloads, s, block, ambiguous_words, sentence_end, apostrophe_tails, clitic_cases, "
     "adjective_cases, max_unknown_tail, out, slow) -> whether a list adjective was seen"},
    {"fold_fast", fold_fast, METH_VARARGS,
     "fold_fast(block, table, pairs) -> (scan text, hyphen before a line break, two spaces, mixed script) or None for the Python path"},
    {"trie", trie, METH_VARARGS,
     "trie(keys, special, tail_heads) -> the trie of the keys (list of str), for scan(); special: the numbers of the keys read whatever their tail"},
    {"scan", scan, METH_VARARGS,
     "scan(trie, s, known_tails) -> [(key, start, end, tail or None)], as hitfilter.prefilter keeps an automaton's hits"},
    {"near_words", near_words, METH_VARARGS,
     "near_words(scan, start, end, lo, hi, window) -> (words before, words after), as context.left_words and right_words give them"},
    {"coherences", coherences, METH_VARARGS,
     "coherences(places, memo, bitmap, starts, flat, related, neighbours, coords, unknown) -> each place's coherence with a document"},
    {"paragraph_coherences", paragraph_coherences, METH_VARARGS,
     "paragraph_coherences(places, among, para, related, cells, place_cells, around, memo) -> each place's coherence with a paragraph, or None when all are equal"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "gazetteer.tagging._hits", "The tagger's hot loops, compiled (scan, fold, spans, ranking context).", -1, methods,
};

#ifndef HITS_SOURCE
#define HITS_SOURCE ""  /* built without setup.py's stamp */
#endif

PyMODINIT_FUNC
PyInit__hits(void)
{
    init_char_class();
    PyObject *m = PyModule_Create(&module);
    /* the hash of the source it was built from (compiled.py compares it with _hits.c's) */
    if (m != NULL && PyModule_AddStringConstant(m, "SOURCE", HITS_SOURCE) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
