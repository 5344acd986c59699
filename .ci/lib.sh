# Shared by .ci/start, .ci/test and .ci/run: installs what the build needs
# from the Rust, npm and Debian registries only, and builds the site.
# Nothing here downloads a binary from anywhere else.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/.tools"
WASM_BINDGEN_VERSION="0.2.130"   # must equal the `wasm-bindgen = "=…"` pin in Cargo.toml
BINARYEN_VERSION="132"           # Debian's wasm-opt (108) breaks hydration; this one does not
NOTO_NPM_VERSION="0.4.2"         # @expo-google-fonts/noto-sans: the full Noto Sans TTFs
ESBUILD_VERSION="0.28.2"         # minifies wasm-bindgen's JavaScript glue (~1.7 KB less per island page)
FONTTOOLS_VERSION="4.60.1"       # PyPI, to cut the fonts down (with brotli for woff2)
BROTLI_PY_VERSION="1.1.0"
# The letters the fonts keep: English, Russian, Tajik, common punctuation.
# Must equal the unicode-range in app/style/mizon.css.
FONT_RANGE="U+0020-007E,U+00A0-00FF,U+0131,U+0152-0153,U+02C6,U+02DA,U+02DC,U+0400-045F,U+0492-0493,U+049A-049B,U+04B2-04B3,U+04B6-04B7,U+04E2-04E3,U+04EE-04EF,U+2010-2027,U+2030-203A,U+20AC,U+2116,U+2122,U+2190-2193,U+2212"
export PATH="$HOME/.cargo/bin:$TOOLS/node_modules/.bin:$PATH"

say() { printf '\n== %s\n' "$*"; }

ensure_wasm_target() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
}

ensure_wasm_bindgen() {
  if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
    say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 2 minutes, once)"
    # Not --locked: one of its locked dependency versions is not on the mirror.
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
  fi
}

ensure_node_tools() {
  command -v npm >/dev/null || { echo "npm is missing: install Node.js (Debian: apt-get install nodejs npm)" >&2; exit 1; }
  if [ ! -x "$TOOLS/node_modules/.bin/wasm-opt" ] || [ ! -d "$TOOLS/node_modules/@expo-google-fonts/noto-sans" ] \
     || [ "$("$TOOLS/node_modules/.bin/esbuild" --version 2>/dev/null)" != "$ESBUILD_VERSION" ]; then
    say "installing wasm-opt (npm binaryen@$BINARYEN_VERSION), esbuild and the Noto Sans font files"
    mkdir -p "$TOOLS"
    (cd "$TOOLS" && npm install --no-audit --no-fund --silent \
        "binaryen@$BINARYEN_VERSION" "esbuild@$ESBUILD_VERSION" "@expo-google-fonts/noto-sans@$NOTO_NPM_VERSION")
  fi
}

ensure_font_tools() {
  if [ ! -f "$TOOLS/python/fontTools/__init__.py" ] || [ ! -f "$TOOLS/python/brotli.py" ]; then
    say "installing fonttools $FONTTOOLS_VERSION and brotli (PyPI) to cut the fonts down"
    python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore --target "$TOOLS/python" \
      "fonttools==$FONTTOOLS_VERSION" "brotli==$BROTLI_PY_VERSION"
  fi
}

ensure_build_tools() {
  ensure_wasm_target
  ensure_wasm_bindgen
  ensure_node_tools
  ensure_font_tools
}

# Builds target/site. Every asset's name carries a hash of its content, so
# the server can let browsers keep it for a year (a repeat visit downloads
# only the HTML), and each text asset has a brotli-11 and a gzip-9 copy:
#   pkg/mizon.HASH.js, pkg/mizon.HASH_bg.wasm, pkg/mizon.HASH.css, the
#   editor's pkg/mizon.HASH-editor.js and pkg/mizon.HASH-editor_bg.wasm, the
#   assessment form's pkg/mizon.HASH-fill.js and …-fill_bg.wasm (one HASH
#   over the seven), fonts/NAME.HASH.woff2, favicon.svg, and
#   assets.txt holding "mizon.HASH" (the server's Leptos output name).
build_site() {
  local site="$ROOT/target/site"
  local work="$ROOT/target/site-build"
  rm -rf "$work" "$site/pkg" "$site/fonts"
  mkdir -p "$work" "$site/pkg" "$site/fonts"
  # Two bundles: the preview's, and the editor's (which holds the preview
  # too); each page with islands loads one of them (app::app::page_bundle).
  local bundle features
  for bundle in mizon mizon-editor mizon-fill; do
    features=hydrate
    [ "$bundle" = mizon-editor ] && features=hydrate,editor
    [ "$bundle" = mizon-fill ] && features=hydrate,fill
    say "building the browser bundle $bundle (wasm, size-optimised)"
    (cd "$ROOT" && cargo build -p app --lib --features "$features" \
        --target wasm32-unknown-unknown --profile wasm-release)
    wasm-bindgen --target web --no-typescript --out-name "$bundle" --out-dir "$work" \
      "$ROOT/target/wasm32-unknown-unknown/wasm-release/app.wasm"
    wasm-opt -Oz --converge --enable-bulk-memory --enable-nontrapping-float-to-int \
      "$work/${bundle}_bg.wasm" -o "$work/${bundle}_bg.wasm"
    # The glue minified: local names shortened, comments and blanks gone;
    # its exports (what the page's loader calls) keep their names.
    esbuild --minify --format=esm --log-level=warning "$work/$bundle.js" \
      --outfile="$work/$bundle.min.js"
    mv "$work/$bundle.min.js" "$work/$bundle.js"
  done
  # The stylesheet without its comments and indentation (every page loads
  # it; its comments are for us, not for the browsers: ~800 B brotli).
  python3 - "$ROOT/app/style/mizon.css" "$work/mizon.css" <<'PY'
import re, sys
css = open(sys.argv[1], encoding="utf-8").read()
css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
css = re.sub(r"\n\s+", "\n", css)
# Spaces around braces, semicolons, commas and child combinators, and after
# colons, carry nothing (no rule has a string with them in it).
css = re.sub(r"\s*([{};,>])\s*", r"\1", css)
css = re.sub(r":\s+", ":", css).replace(";}", "}")
open(sys.argv[2], "w", encoding="utf-8").write(css.strip() + "\n")
PY
  # One font file per weight, cut down to FONT_RANGE (about 16 KB each).
  local fonts="$TOOLS/node_modules/@expo-google-fonts/noto-sans" font hash
  for weight in 400Regular 700Bold; do
    font="noto-sans-${weight:0:3}"
    PYTHONPATH="$TOOLS/python" python3 -m fontTools.subset "$fonts/$weight/NotoSans_$weight.ttf" \
      --unicodes="$FONT_RANGE" --flavor=woff2 \
      --layout-features='kern,liga,calt,ccmp,locl,mark,mkmk' \
      --output-file="$work/$font.woff2"
    hash=$(sha256sum "$work/$font.woff2" | cut -c1-12)
    cp "$work/$font.woff2" "$site/fonts/$font.$hash.woff2"
    sed -i "s#/fonts/$font.woff2#/fonts/$font.$hash.woff2#" "$work/mizon.css"
  done
  if grep -q '/fonts/noto-sans-[0-9]*.woff2' "$work/mizon.css"; then
    echo "mizon.css names a font that build_site does not ship" >&2
    exit 1
  fi
  hash=$(cat "$work/mizon_bg.wasm" "$work/mizon.js" "$work/mizon-editor_bg.wasm" \
    "$work/mizon-editor.js" "$work/mizon-fill_bg.wasm" "$work/mizon-fill.js" "$work/mizon.css" \
    | sha256sum | cut -c1-16)
  cp "$work/mizon.js" "$site/pkg/mizon.$hash.js"
  cp "$work/mizon_bg.wasm" "$site/pkg/mizon.${hash}_bg.wasm"
  cp "$work/mizon-editor.js" "$site/pkg/mizon.$hash-editor.js"
  cp "$work/mizon-editor_bg.wasm" "$site/pkg/mizon.${hash}-editor_bg.wasm"
  cp "$work/mizon-fill.js" "$site/pkg/mizon.$hash-fill.js"
  cp "$work/mizon-fill_bg.wasm" "$site/pkg/mizon.${hash}-fill_bg.wasm"
  cp "$work/mizon.css" "$site/pkg/mizon.$hash.css"
  printf 'mizon.%s\n' "$hash" > "$site/assets.txt"
  cp "$ROOT/app/public/favicon.svg" "$site/favicon.svg"
  node "$ROOT/.ci/precompress.mjs" "$site"/pkg/* "$site/favicon.svg"
  rm -rf "$work"
  local raw br
  raw=$(stat -c %s "$site/pkg/mizon.${hash}_bg.wasm")
  br=$(stat -c %s "$site/pkg/mizon.${hash}_bg.wasm.br")
  say "site ready in target/site (wasm: $((raw / 1024)) KiB raw, $((br / 1024)) KiB brotli)"
  raw=$(stat -c %s "$site/pkg/mizon.${hash}-editor_bg.wasm")
  br=$(stat -c %s "$site/pkg/mizon.${hash}-editor_bg.wasm.br")
  say "editor bundle: $((raw / 1024)) KiB raw, $((br / 1024)) KiB brotli"
  raw=$(stat -c %s "$site/pkg/mizon.${hash}-fill_bg.wasm")
  br=$(stat -c %s "$site/pkg/mizon.${hash}-fill_bg.wasm.br")
  say "assessment form bundle: $((raw / 1024)) KiB raw, $((br / 1024)) KiB brotli"
}
