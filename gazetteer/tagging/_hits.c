/* The first filter of the tagger's automaton hits, compiled (see tagger.py, _hits).
 *
 * Of the ~20 hits per kilobyte of text, half start inside a word and most of the rest are a
 * short stem at the start of a longer word: rejecting those one Python iteration at a time was a
 * fifth of the tagger's time. prefilter() does exactly what the pure-Python prefilter in
 * hitfilter.py does (tests/test_hitfilter.py runs both on the same texts), and
 * the extension is optional: without a C compiler the package installs and runs the Python one.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* The end of the run of letters and digits from j on (the tail regex's [^\W_]*). */
static Py_ssize_t
word_end(int kind, const void *data, Py_ssize_t n, Py_ssize_t j)
{
    while (j < n && Py_UNICODE_ISALNUM(PyUnicode_READ(kind, data, j)))
        j++;
    return j;
}

/* prefilter(s, found, special, tail_heads, known_tails) -> list of (key, start, end, tail)
 *
 * s: the scan text; found: the automaton's (key, start, end) hits in s; special: the keys read
 * even inside a word (a set of ints); tail_heads: the first two letters of every known tail of
 * two letters or more; known_tails: every tail.
 * A hit is kept with its tail (the rest of the word after it: ['-]? then letters and digits) when
 * it starts a word and its tail is known, starts with an apostrophe or a hyphen, or is empty; a
 * hit on a special key that is not kept so is kept with tail None. */
static PyObject *
prefilter(PyObject *self, PyObject *args)
{
    PyObject *s, *found, *special, *tail_heads, *known_tails;
    if (!PyArg_ParseTuple(args, "UO!OOO", &s, &PyList_Type, &found, &special, &tail_heads, &known_tails))
        return NULL;
    if (!PyAnySet_Check(special) || !PyAnySet_Check(tail_heads) || !PyAnySet_Check(known_tails)) {
        PyErr_SetString(PyExc_TypeError, "special, tail_heads and known_tails must be sets");
        return NULL;
    }
    const int kind = PyUnicode_KIND(s);
    const void *data = PyUnicode_DATA(s);
    const Py_ssize_t n = PyUnicode_GET_LENGTH(s);
    const Py_ssize_t count = PyList_GET_SIZE(found);
    PyObject *out = PyList_New(0);
    if (out == NULL)
        return NULL;
    PyObject *empty = PyUnicode_New(0, 0);
    if (empty == NULL)
        goto error;

    for (Py_ssize_t h = 0; h < count; h++) {
        PyObject *hit = PyList_GET_ITEM(found, h);
        if (!PyTuple_Check(hit) || PyTuple_GET_SIZE(hit) != 3) {
            PyErr_SetString(PyExc_TypeError, "a hit must be a (key, start, end) tuple");
            goto error;
        }
        PyObject *key = PyTuple_GET_ITEM(hit, 0);
        Py_ssize_t start = PyLong_AsSsize_t(PyTuple_GET_ITEM(hit, 1));
        Py_ssize_t e = PyLong_AsSsize_t(PyTuple_GET_ITEM(hit, 2));
        if ((start == -1 || e == -1) && PyErr_Occurred())
            goto error;
        if (start < 0 || e < start || e > n) {
            PyErr_SetString(PyExc_ValueError, "a hit lies outside the text");
            goto error;
        }
        int is_special = -1;  /* not looked up yet */
        int inside = start > 0 && Py_UNICODE_ISALNUM(PyUnicode_READ(kind, data, start - 1));
        PyObject *tail = NULL;  /* new reference, or NULL: no tail (rejected) */
        if (!inside) {
            if (e < n) {
                Py_UCS4 c = PyUnicode_READ(kind, data, e);
                if (Py_UNICODE_ISALNUM(c)) {
                    int rejected = 0;
                    if (e + 1 < n && Py_UNICODE_ISALNUM(PyUnicode_READ(kind, data, e + 1))) {
                        PyObject *head = PyUnicode_Substring(s, e, e + 2);
                        if (head == NULL)
                            goto error;
                        int known = PySet_Contains(tail_heads, head);
                        Py_DECREF(head);
                        if (known < 0)
                            goto error;
                        rejected = !known;
                    }
                    if (!rejected) {
                        tail = PyUnicode_Substring(s, e, word_end(kind, data, n, e + 1));
                        if (tail == NULL)
                            goto error;
                        int known = PySet_Contains(known_tails, tail);
                        if (known < 0) {
                            Py_DECREF(tail);
                            goto error;
                        }
                        if (!known)
                            Py_CLEAR(tail);
                    }
                } else if (c == '\'' || c == '-') {
                    tail = PyUnicode_Substring(s, e, word_end(kind, data, n, e + 1));
                    if (tail == NULL)
                        goto error;
                } else {
                    tail = Py_NewRef(empty);
                }
            } else {
                tail = Py_NewRef(empty);
            }
        }
        if (tail == NULL) {
            is_special = PySet_Contains(special, key);
            if (is_special < 0)
                goto error;
            if (!is_special)
                continue;
            tail = Py_NewRef(Py_None);
        }
        PyObject *row = PyTuple_Pack(4, key, PyTuple_GET_ITEM(hit, 1), PyTuple_GET_ITEM(hit, 2), tail);
        Py_DECREF(tail);
        if (row == NULL)
            goto error;
        int failed = PyList_Append(out, row);
        Py_DECREF(row);
        if (failed)
            goto error;
    }
    Py_DECREF(empty);
    return out;

error:
    Py_XDECREF(empty);
    Py_DECREF(out);
    return NULL;
}

/* fold_fast(block, table, pairs) -> (scan text, hyphen, spaces) or None
 *
 * The common case of textfold.fold_block in one pass: the line breaks of break_lines (a "\n\n"
 * pair stays, any other "\n" is a space) and, for every other character, table[c]: the
 * character fold_chars makes of it (its replacement, then lower()). table is a bytes object of
 * native uint32, one per code point below its length (the fold in the low 21 bits, above them the
 * canonical class its decomposition ends with: a mark of a lower class after it makes the block
 * non-NFC, as Ö + dot below); 0xFFFFFFFF marks a character this pass
 * does not fold (one that may make the block non-NFC, a zero-width one, one whose lower() grows,
 * "\r", NUL); 0x80000000 | class marks a combining mark of that canonical class, kept where
 * the block stays NFC with it: after the marks of a lower class, and where (the letter before it
 * << 21 | it) is not in pairs, the compositions that end with a mark. hyphen: the block has "-" just before a "\n"; spaces: the scan text has two
 * spaces in a row (fold_block's cheap tests, on the way). None when the block has a character
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
    int hyphen = 0, spaces = 0;
    Py_UCS4 last = 0;  /* the block's character before this one */
    Py_UCS4 starter = 0;  /* the last character that is no combining mark */
    uint32_t last_class = 0;  /* the combining class of the character before this one */
    while (i < n) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c == '\n') {
            last_class = 0;
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
        spaces |= out[i] == ' ' && i > 0 && out[i - 1] == ' ';
        last = c;
        i++;
    }
    PyBuffer_Release(&table);
    PyObject *text = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, out, n);
    PyMem_Free(out);
    if (text == NULL)
        return NULL;
    return Py_BuildValue("(NOO)", text, hyphen ? Py_True : Py_False, spaces ? Py_True : Py_False);
}

static PyMethodDef methods[] = {
    {"fold_fast", fold_fast, METH_VARARGS,
     "fold_fast(block, table, pairs) -> (scan text, hyphen before a line break, two spaces) or None for the Python path"},
    {"prefilter", prefilter, METH_VARARGS,
     "prefilter(s, found, special, tail_heads, known_tails) -> [(key, start, end, tail or None)]"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "gazetteer.tagging._hits", "The tagger's first hit filter and its common fold, compiled.", -1, methods,
};

PyMODINIT_FUNC
PyInit__hits(void)
{
    return PyModule_Create(&module);
}
