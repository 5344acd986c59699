//! A lint that can fail: text inside `view!` must come from the locales.
//!
//! Walks every `view!` macro in `app/src` and flags a string literal that
//! is a text node (not an attribute value) and holds a letter, and any
//! literal given to a user-visible attribute (placeholder, title, alt,
//! aria-label). Attribute values such as `class="card"` or `type="submit"`
//! are code, not text, and pass.

use proc_macro2::{TokenStream, TokenTree};
use std::path::{Path, PathBuf};
use syn::visit::Visit;

const VISIBLE_ATTRIBUTES: [&str; 4] = ["placeholder", "title", "alt", "aria-label"];

struct Finder {
    file: PathBuf,
    problems: Vec<String>,
}

/// Element trees in `view!` are bare tokens (`<p>"text"</p>`); groups are
/// Rust: `{…}` blocks (searched for nested `view!` by `visit_nested`) and
/// `(…)` arguments such as `t("id")` or `path!("/x")`, which are not text.
fn check_tokens(tokens: TokenStream, file: &Path, problems: &mut Vec<String>) {
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    for (i, tree) in trees.iter().enumerate() {
        if let TokenTree::Literal(lit) = tree {
            let text = lit.to_string();
            if !text.starts_with('"') || !text.chars().any(char::is_alphabetic) {
                continue;
            }
            let after_equals =
                i > 0 && matches!(&trees[i - 1], TokenTree::Punct(p) if p.as_char() == '=');
            let attribute = if i > 1 {
                trees[i - 2].to_string()
            } else {
                String::new()
            };
            let visible_attribute =
                after_equals && VISIBLE_ATTRIBUTES.iter().any(|a| attribute.ends_with(a));
            if !after_equals || visible_attribute {
                let line = lit.span().start().line;
                problems.push(format!("{}:{line}: {text}", file.display()));
            }
        }
    }
}

impl<'ast> Visit<'ast> for Finder {
    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        if mac.path.is_ident("view") {
            check_tokens(mac.tokens.clone(), &self.file, &mut self.problems);
            // Nested view! macros inside braces are macros in the token
            // stream, not in the syntax tree: parse and visit them too.
            visit_nested(mac.tokens.clone(), self);
        }
        syn::visit::visit_macro(self, mac);
    }
}

fn visit_nested(tokens: TokenStream, finder: &mut Finder) {
    for tree in tokens {
        if let TokenTree::Group(g) = tree {
            if g.delimiter() == proc_macro2::Delimiter::Brace
                && let Ok(block) =
                    syn::parse2::<syn::Block>(TokenStream::from(TokenTree::Group(g.clone())))
            {
                finder.visit_block(&block);
                continue;
            }
            visit_nested(g.stream(), finder);
        }
    }
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn problems_in(source: &str, file: &Path) -> Vec<String> {
    let syntax = syn::parse_file(source).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    let mut finder = Finder {
        file: file.to_owned(),
        problems: Vec::new(),
    };
    finder.visit_file(&syntax);
    finder.problems
}

#[test]
fn components_hold_no_hard_coded_user_facing_text() {
    let mut all = Vec::new();
    files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut all);
    assert!(all.len() > 10, "found too few files");
    let problems: Vec<String> = all
        .iter()
        .flat_map(|f| problems_in(&std::fs::read_to_string(f).unwrap(), f))
        .collect();
    assert!(
        problems.is_empty(),
        "hard-coded text in view!, use t(\"id\"):\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_lint_catches_text_nodes_and_visible_attributes() {
    let source = r#"
        fn a() -> impl IntoView {
            view! { <p class="x">"Hello there"</p> <input placeholder="Name"/> }
        }
        fn b() -> impl IntoView {
            view! { <div>{move || view! { <span>"Nested text"</span> }}</div> }
        }
        fn c() -> impl IntoView {
            view! { <p class="ok" title=t("x")>{t("fine")}</p> }
        }
    "#;
    let problems = problems_in(source, Path::new("sample.rs"));
    assert_eq!(problems.len(), 3, "{problems:?}");
    assert!(problems.iter().any(|p| p.contains("Hello there")));
    assert!(problems.iter().any(|p| p.contains("Name")));
    assert!(problems.iter().any(|p| p.contains("Nested text")));
}
