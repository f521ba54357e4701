// Generates the LR parser from src/syntax/grammar.lalrpop at build time
// (into OUT_DIR; see `lalrpop_mod!` in src/syntax/mod.rs).
fn main() {
    lalrpop::Configuration::new()
        .use_cargo_dir_conventions()
        .process()
        .expect("lalrpop failed");
}
