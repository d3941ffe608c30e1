import codecs

from extractors.decode import decode_body, normalise_charset

TEXT = "百度发布文心大模型4.0，用户规模已达4500万。"


def test_gbk_declared_in_meta_is_read_as_gb18030():
    body = f'<html><head><meta charset="gb2312"></head><body>{TEXT}</body></html>'
    text, charset = decode_body(body.encode("gb18030"))
    assert TEXT in text
    assert charset == "gb18030"


def test_http_header_wins_over_meta():
    body = f'<meta http-equiv="Content-Type" content="text/html; charset=utf-8">{TEXT}'
    text, charset = decode_body(body.encode("gbk"), "text/html; charset=GBK")
    assert TEXT in text and charset == "gb18030"


def test_bom_wins_over_everything():
    body = codecs.BOM_UTF8 + f'<meta charset="gbk">{TEXT}'.encode()
    text, charset = decode_body(body, "text/html; charset=iso-8859-1")
    assert TEXT in text and charset == "utf-8-sig"


def test_wrong_declaration_falls_back_to_what_decodes():
    text, charset = decode_body(f'<meta charset="utf-8">{TEXT}'.encode("gb18030"))
    assert TEXT in text and charset == "gb18030"


def test_undecodable_bytes_never_raise():
    text, _ = decode_body(b"\xff\xfe\xfa" * 3 + b"\x81", "text/html; charset=no-such-codec")
    assert isinstance(text, str)


def test_charset_names_are_normalised():
    assert normalise_charset("GB2312") == "gb18030"
    assert normalise_charset("UTF8") == "utf-8"
    assert normalise_charset("klingon") is None


def test_one_bad_byte_in_an_undeclared_utf8_page_does_not_make_it_gbk():
    body = f"<p>{TEXT * 20}</p>".encode() + b"\xff" + f"<p>{TEXT}</p>".encode()
    text, charset = decode_body(body)
    assert charset == "utf-8" and TEXT in text and text.count("\ufffd") == 1


def test_an_undeclared_gbk_page_with_a_few_broken_bytes_is_still_gbk():
    body = f"<p>{TEXT * 20}</p>".encode("gbk") + b"\x81" + f"<p>{TEXT}</p>".encode("gbk")
    text, charset = decode_body(body)
    assert charset == "gb18030" and text.count(TEXT) == 21


def test_xml_declaration_counts_as_a_declaration():
    body = f'<?xml version="1.0" encoding="GBK"?><html><body>{TEXT}</body></html>'
    text, charset = decode_body(body.encode("gbk"))
    assert TEXT in text and charset == "gb18030"


def test_big5_is_read_with_the_hong_kong_extensions():
    traditional = "百度發佈文心大模型，用戶規模已達4500萬。"
    body = f'<meta charset="big5"><p>{traditional}</p>'.encode("big5hkscs")
    text, charset = decode_body(body)
    assert traditional in text and charset == "big5hkscs"


def test_undeclared_big5_page_is_detected():
    text = "百度發佈文心大模型，多個大模型近日完成備案並向公眾開放服務。" * 20
    decoded, charset = decode_body(f"<html><body><p>{text}</p></body></html>".encode("big5"))
    assert text in decoded
    assert charset in ("big5", "big5hkscs", "cp950")
