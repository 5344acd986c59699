# Shared by .ci/start, .ci/test and .ci/run: installs what the build needs
# from the Rust, npm and Debian registries only, and builds the site.
# Nothing here downloads a binary from anywhere else.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/.tools"
WASM_BINDGEN_VERSION="0.2.130"   # must equal the `wasm-bindgen = "=…"` pin in Cargo.toml
BINARYEN_VERSION="132"           # Debian's wasm-opt (108) breaks hydration; this one does not
FONTSOURCE_VERSION="5"
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
  if [ ! -x "$TOOLS/node_modules/.bin/wasm-opt" ] || [ ! -d "$TOOLS/node_modules/@fontsource/noto-sans" ]; then
    say "installing wasm-opt (npm binaryen@$BINARYEN_VERSION) and the Noto Sans font files"
    mkdir -p "$TOOLS"
    (cd "$TOOLS" && npm install --no-audit --no-fund --silent \
        "binaryen@$BINARYEN_VERSION" "@fontsource/noto-sans@$FONTSOURCE_VERSION")
  fi
}

ensure_build_tools() {
  ensure_wasm_target
  ensure_wasm_bindgen
  ensure_node_tools
}

# Builds target/site. Every asset's name carries a hash of its content, so
# the server can let browsers keep it for a year (a repeat visit downloads
# only the HTML), and each text asset has a brotli-11 and a gzip-9 copy:
#   pkg/mizon.HASH.js, pkg/mizon.HASH_bg.wasm, pkg/mizon.HASH.css (one
#   HASH over the three), fonts/NAME.HASH.woff2, favicon.svg, and
#   assets.txt holding "mizon.HASH" (the server's Leptos output name).
build_site() {
  local site="$ROOT/target/site"
  say "building the browser bundle (wasm, size-optimised)"
  (cd "$ROOT" && cargo build -p app --lib --features hydrate \
      --target wasm32-unknown-unknown --profile wasm-release)
  local work="$ROOT/target/site-build"
  rm -rf "$work" "$site/pkg" "$site/fonts"
  mkdir -p "$work" "$site/pkg" "$site/fonts"
  wasm-bindgen --target web --no-typescript --out-name mizon --out-dir "$work" \
    "$ROOT/target/wasm32-unknown-unknown/wasm-release/app.wasm"
  wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
    "$work/mizon_bg.wasm" -o "$work/mizon_bg.wasm"
  cp "$ROOT/app/style/mizon.css" "$work/mizon.css"
  local fonts="$TOOLS/node_modules/@fontsource/noto-sans/files" font hash
  for subset in latin latin-ext cyrillic cyrillic-ext; do
    for weight in 400 700; do
      font="noto-sans-$subset-$weight-normal"
      hash=$(sha256sum "$fonts/$font.woff2" | cut -c1-12)
      cp "$fonts/$font.woff2" "$site/fonts/$font.$hash.woff2"
      sed -i "s#/fonts/$font.woff2#/fonts/$font.$hash.woff2#" "$work/mizon.css"
    done
  done
  if grep -q '/fonts/[a-z0-9-]*normal.woff2' "$work/mizon.css"; then
    echo "mizon.css names a font that build_site does not ship" >&2
    exit 1
  fi
  hash=$(cat "$work/mizon_bg.wasm" "$work/mizon.js" "$work/mizon.css" | sha256sum | cut -c1-16)
  cp "$work/mizon.js" "$site/pkg/mizon.$hash.js"
  cp "$work/mizon_bg.wasm" "$site/pkg/mizon.${hash}_bg.wasm"
  cp "$work/mizon.css" "$site/pkg/mizon.$hash.css"
  printf 'mizon.%s\n' "$hash" > "$site/assets.txt"
  cp "$ROOT/app/public/favicon.svg" "$site/favicon.svg"
  node "$ROOT/.ci/precompress.mjs" "$site"/pkg/* "$site/favicon.svg"
  rm -rf "$work"
  local raw br
  raw=$(stat -c %s "$site/pkg/mizon.${hash}_bg.wasm")
  br=$(stat -c %s "$site/pkg/mizon.${hash}_bg.wasm.br")
  say "site ready in target/site (wasm: $((raw / 1024)) KiB raw, $((br / 1024)) KiB brotli)"
}
