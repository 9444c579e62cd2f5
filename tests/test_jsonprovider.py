"""The orjson-backed JSON provider writes the same documents as the standard encoder."""
import json

from hypothesis import given, strategies as st

from api.jsonprovider import OrjsonProvider
from flask import Flask

_app = Flask(__name__)
_provider = OrjsonProvider(_app)

# JSON values as the API produces them: no NaN/inf (the API never emits them), 64-bit ints.
_scalars = (st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1)
            | st.floats(allow_nan=False, allow_infinity=False) | st.text())
_values = st.recursive(_scalars, lambda inner: st.lists(inner, max_size=5)
                       | st.dictionaries(st.text(max_size=8), inner, max_size=5), max_leaves=25)


@given(_values)
def test_same_document_as_the_standard_encoder(value):
    text = _provider.dumps(value)
    assert json.loads(text) == json.loads(json.dumps(value, ensure_ascii=False))


def test_non_ascii_stays_readable_and_key_order_is_kept():
    assert _provider.dumps({"b": "Շուշի", "a": "Шуша"}) == '{"b":"Շուշի","a":"Шуша"}'


def test_integers_beyond_64_bits_fall_back_to_the_standard_encoder():
    assert json.loads(_provider.dumps({"n": 2**70})) == {"n": 2**70}


def test_explicit_options_keep_their_meaning():
    assert _provider.dumps({"b": 1, "a": 2}, sort_keys=True) == '{"a": 2, "b": 1}'


def test_responses_are_utf8_json_with_a_trailing_newline():
    with _app.app_context():
        resp = _provider.response({"name": "Şuşa"})
    assert resp.mimetype == "application/json"
    assert resp.get_data() == '{"name":"Şuşa"}\n'.encode()
