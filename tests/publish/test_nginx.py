"""The hosting recipe with the real server: Debian's nginx runs deploy/nginx-http.conf and
deploy/nginx.conf on 127.0.0.1 and serves a `make publish` build under /chuyen-doi-so/.

Asserts each security header, the cache lifetimes, gzip from the build's .gz files, the
site's 404 page, no directory listing, no dot-file, HSTS on HTTPS only, and search in
Chromium through nginx. (A browser test: mark it `browser` once tests/ defines the marker.)
"""

import gzip
import http.client
import os
import shutil
import socket
import ssl
import subprocess
import time
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import quote

import pytest

from browser_support import CHROMIUM, CSP
from site_support import REPO, SITES, copy_site
from publish_support import run_build

NGINX = "/usr/sbin/nginx"
if not os.path.exists(NGINX):
    pytest.skip(f"{NGINX} is missing: run `make test` (it installs Debian's nginx)", allow_module_level=True)

SITE_ROOT = "/var/www/chuyen-doi-so/current/"  # the path deploy/nginx.conf serves; the test's build instead
PREFIX = "/chuyen-doi-so"


def search_content(tmp):
    """tests/sites/basic with tests/sites/search on top, as the search tests build it."""
    content = copy_site("basic", tmp)
    shutil.copytree(SITES / "search", content, dirs_exist_ok=True)
    return content


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def certificate(folder):
    """A self-signed certificate for 127.0.0.1 (openssl), or None without openssl."""
    if not shutil.which("openssl"):
        return None
    key, cert = folder / "key.pem", folder / "cert.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    return key, cert


def nginx_conf(tmp, site_conf, port, tls_port, pair):
    temp = "\n".join(f"  {name}_temp_path {tmp / name};" for name in
                     ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"])
    tls = (f"  server {{ listen 127.0.0.1:{tls_port} ssl; server_name localhost; ssl_certificate {pair[1]}; "
           f"ssl_certificate_key {pair[0]}; include {site_conf}; }}") if pair else ""
    return f"""{"user root;" if os.geteuid() == 0 else ""}
worker_processes 1;
pid {tmp}/nginx.pid;
events {{ worker_connections 64; }}
http {{
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
{temp}
  include {REPO}/deploy/nginx-http.conf;
  server {{ listen 127.0.0.1:{port}; server_name localhost; include {site_conf};
           location = /favicon.ico {{ return 204; }} }}  # the city site's, outside /chuyen-doi-so/
{tls}
}}
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("nginx")
    port, tls_port = free_port(), free_port()
    origin = f"http://127.0.0.1:{port}"
    output = tmp / "www" / "output"
    done = run_build(search_content(tmp), output, "--publish", settings="publishconf.py",
                     env={"SITEURL": origin + PREFIX})
    assert done.returncode == 0, done.stderr
    (output / ".env").write_text("MAT_KHAU=bi-mat\n")  # should a dot-file ever reach the server
    recipe = (REPO / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    assert recipe.count(SITE_ROOT) == 1
    site_conf = tmp / "chuyen-doi-so.conf"
    site_conf.write_text(recipe.replace(SITE_ROOT, f"{output}/"), encoding="utf-8")
    pair = certificate(tmp)
    conf = tmp / "nginx.conf"
    conf.write_text(nginx_conf(tmp, site_conf, port, tls_port, pair), encoding="utf-8")
    command = [NGINX, "-p", str(tmp), "-c", str(conf), "-e", str(tmp / "error.log")]
    checked = subprocess.run([*command, "-t"], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    assert "warn" not in checked.stderr, checked.stderr
    process = subprocess.Popen([*command, "-g", "daemon off;"])
    deadline = time.monotonic() + 10
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            assert process.poll() is None and time.monotonic() < deadline, (tmp / "error.log").read_text()
            time.sleep(0.05)
    yield SimpleNamespace(origin=origin, port=port, tls_port=tls_port if pair else None, output=output)
    process.terminate()
    process.wait(timeout=10)


def get(site, path, gzip_ok=True, tls=False):
    """(status, headers, body) for GET PREFIX + path, with or without Accept-Encoding: gzip."""
    if tls:
        connection = http.client.HTTPSConnection("127.0.0.1", site.tls_port, context=ssl._create_unverified_context())
    else:
        connection = http.client.HTTPConnection("127.0.0.1", site.port)
    connection.request("GET", PREFIX + path, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, response.headers, body


def search_file(site, name):
    """The search index file whose name starts with `name` (its name carries a content hash)."""
    return next(p.name for p in (site.output / "tim-kiem" / "chi-muc").glob(f"{name}.*.json"))


SECURITY = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
}


def test_a_page_has_every_security_header_and_a_short_cache(site):
    status, headers, body = get(site, "/")
    assert status == 200
    for name, value in SECURITY.items():
        assert headers[name] == value, name
    assert "Strict-Transport-Security" not in headers  # plain HTTP
    assert headers["Cache-Control"] == "public, max-age=300"
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert headers["Server"] == "nginx"  # no version
    assert gzip.decompress(body) == (site.output / "index.html").read_bytes()


@pytest.mark.parametrize("path", ["/", "/ke-hoach/kh-c/", "/theme/js/search.js", "/tim-kiem/chi-muc/meta",
                                  "/du-lieu/don-vi.json"])
def test_html_js_and_json_come_gzipped_from_the_build(site, path):
    if path.endswith("meta"):
        path = "/tim-kiem/chi-muc/" + search_file(site, "meta")
    local = site.output / (path.lstrip("/") + ("index.html" if path.endswith("/") else ""))
    status, headers, body = get(site, path)
    assert status == 200 and headers["Content-Encoding"] == "gzip" and headers["Vary"] == "Accept-Encoding"
    assert body == (local.parent / (local.name + ".gz")).read_bytes()  # the build's file, not nginx's
    status, headers, body = get(site, path, gzip_ok=False)
    assert status == 200 and "Content-Encoding" not in headers and body == local.read_bytes()


def test_content_hashed_files_are_cached_a_year(site):
    card = next((site.output / "the-chia-se" / "ke-hoach").glob("*.png")).name
    for path in ["/tim-kiem/chi-muc/" + search_file(site, "t0"), "/tim-kiem/chi-muc/" + search_file(site, "meta"),
                 "/the-chia-se/ke-hoach/" + card]:
        status, headers, _ = get(site, path)
        assert status == 200 and headers["Cache-Control"] == "public, max-age=31536000, immutable", path
        assert headers["X-Content-Type-Options"] == "nosniff"
    for path in ["/theme/css/portal.css", "/atom.xml", "/du-lieu/don-vi.csv"]:
        assert get(site, path)[1]["Cache-Control"] == "public, max-age=300", path


@pytest.mark.parametrize("path, kind", [("/du-lieu/don-vi.csv", "text/csv; charset=utf-8"),
                                        ("/atom.xml", "application/atom+xml; charset=utf-8"),
                                        ("/du-lieu/don-vi.json", "application/json; charset=utf-8"),
                                        ("/theme/css/portal.css", "text/css; charset=utf-8")])
def test_data_and_feeds_have_their_types(site, path, kind):
    status, headers, _ = get(site, path)
    assert status == 200 and headers["Content-Type"] == kind


def test_a_missing_page_gets_the_sites_own_404_with_the_headers(site):
    status, headers, body = get(site, "/khong-co-trang-nay/")
    assert status == 404
    assert "<h1>Không tìm thấy trang</h1>" in gzip.decompress(body).decode("utf-8")
    for name, value in SECURITY.items():
        assert headers[name] == value, name


def test_no_directory_listing_and_no_dot_file(site):
    for path in ["/theme/", "/.env", "/tim-kiem/chi-muc/"]:
        status, _, body = get(site, path, gzip_ok=False)
        assert status == 403, path
        assert b"Index of" not in body and b"MAT_KHAU" not in body


def test_the_sub_path_without_slash_redirects(site):
    connection = http.client.HTTPConnection("127.0.0.1", site.port)
    connection.request("GET", PREFIX)
    response = connection.getresponse()
    assert response.status == 301 and response.headers["Location"].endswith(PREFIX + "/")
    connection.close()


def test_hsts_only_over_https(site):
    if site.tls_port is None:
        pytest.skip("openssl is missing: no certificate for the HTTPS check")
    status, headers, _ = get(site, "/", tls=True)
    assert status == 200 and headers["Strict-Transport-Security"] == "max-age=31536000"
    assert headers["Content-Security-Policy"] == CSP


def test_search_works_in_chromium_through_nginx(site, browser):
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: run `make test` (it installs Debian's chromium)", pytrace=False)
    context = browser.new_context()
    requests, errors, encodings = [], [], {}
    context.on("request", lambda request: requests.append(request.url))
    context.on("response", lambda r: encodings.update({r.url: r.headers.get("content-encoding")}))
    context.on("response", lambda r: r.status >= 400 and errors.append(f"{r.status} {r.url}"))
    page = context.new_page()
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        response = page.goto(f"{site.origin}{PREFIX}/tim-kiem/?q=" + quote("chuyen doi so"))
        assert response.headers["content-security-policy"] == CSP
        page.wait_for_selector("#tim-kiem[data-state=done]")
        hrefs = page.eval_on_selector_all(".search-result .result-title a", "as => as.map(a => a.href)")
        assert f"{site.origin}{PREFIX}/ke-hoach/kh-c/" in hrefs, hrefs
        page.click(f".search-result a[href='{site.origin}{PREFIX}/ke-hoach/kh-c/']")
        page.wait_for_url(f"{site.origin}{PREFIX}/ke-hoach/kh-c/")
    finally:
        context.close()
    assert not errors, errors  # a CSP violation would show here
    assert all(url.startswith(site.origin + PREFIX + "/") or url == site.origin + "/favicon.ico"
               for url in requests), requests
    shards = [url for url in encodings if "/tim-kiem/chi-muc/" in url]
    assert shards and all(encodings[url] == "gzip" for url in shards), encodings
