from pathlib import Path

import pytest

from flows.config import ConfigError, load_config, load_seed_sources


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "modelwatch.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_use_the_enabled_seed_sources(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    config = load_config()
    assert config.origin == "built-in defaults"
    assert config.warehouse.path == tmp_path / "data" / "modelwatch.duckdb"
    assert config.warehouse.spool_dir == tmp_path / "data" / "spool"
    enabled = [s for s in config.sources if s.enabled]
    assert [s.name for s in enabled] == ["seed-articles"]
    assert enabled[0].kind == "files"


def test_seed_catalogue_lists_real_outlets_disabled_by_default():
    sources = load_seed_sources()
    kinds = {s.kind for s in sources}
    assert {"files", "feed", "sitemap", "listing", "registry"} <= kinds
    assert any("cac.gov.cn" in (s.url or "") for s in sources)
    assert all(not s.enabled for s in sources if s.kind != "files")
    assert len({s.name for s in sources}) == len(sources)


def test_relative_paths_resolve_against_the_config_folder(tmp_path):
    path = write(tmp_path, '[warehouse]\npath = "w/x.duckdb"\n[alerts]\noutbox_dir = "out"\n')
    config = load_config(path)
    assert config.warehouse.path == tmp_path / "w" / "x.duckdb"
    assert config.alerts.outbox_dir == tmp_path / "out"


def test_db_option_overrides_the_file(tmp_path):
    path = write(tmp_path, '[warehouse]\npath = "w.duckdb"\n')
    config = load_config(path, db_path=tmp_path / "other.duckdb")
    assert config.warehouse.path == tmp_path / "other.duckdb"
    assert config.warehouse.spool_dir == tmp_path / "spool"


def test_own_sources_replace_the_catalogue(tmp_path):
    path = write(tmp_path, '[[sources]]\nname = "mine"\nkind = "page"\nurl = "http://x/"\n'
                           'max_pages = 3\n')
    config = load_config(path)
    assert [s.name for s in config.sources] == ["mine"]
    assert dict(config.sources[0].options) == {"max_pages": "3"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[crawl\n", "invalid TOML"),
        ("[crawl]\ntimeout = 3\n", "crawl.timeout: unknown key"),
        ('[crawl]\ntimeout_s = "slow"\n', "crawl.timeout_s: expected a number, got 'slow'"),
        ("[crawl]\nper_host_concurrency = 0\n", "crawl.per_host_concurrency: must be at least 1"),
        ("[crawl]\nmax_bytes = true\n", "crawl.max_bytes: expected an integer"),
        ("[alert]\nto = []\n", "unknown section or key 'alert'"),
        ('[alerts]\nto = ["not-an-address"]\n', "is not an email address"),
        ("[alerts]\nto = []\n", "alerts.to: needs at least one address"),
        ('[[sources]]\nname = "a"\nkind = "rss"\nurl = "x"\n', "source 'a'.kind: expected one"),
        ('[[sources]]\nname = "a"\nkind = "files"\n', "a files source needs path"),
        ('[[sources]]\nname = "a"\nkind = "feed"\nurl = "u"\n[[sources]]\nname = "a"\n'
         'kind = "feed"\nurl = "u"\n', "source 'a': name is used twice"),
        ('[[sources]]\nkind = "feed"\n', "sources[0].name: required"),
        ('sources = "x"\n', "must be an array of tables"),
    ],
)
def test_bad_config_names_file_key_and_problem(tmp_path, text, expected):
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as raised:
        load_config(path)
    message = str(raised.value)
    assert message.startswith(str(path))
    assert expected in message
    assert "\n" not in message


def test_missing_config_file_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="file not found"):
        load_config(tmp_path / "nope.toml")


def test_smtp_url_comes_only_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("MODELWATCH_SMTP_URL", "smtp://u:secret@127.0.0.1:2525")
    assert load_config(write(tmp_path, "")).smtp_url == "smtp://u:secret@127.0.0.1:2525"
    path = write(tmp_path, '[alerts]\nsmtp_url = "smtp://x"\n')
    with pytest.raises(ConfigError, match="alerts.smtp_url: unknown key"):
        load_config(path)
