//! `vmbench bench` (placeholder until the harness lands).
#[derive(clap::Args)]
pub struct BenchArgs {}
pub fn run(_: &BenchArgs) -> i32 {
    eprintln!("vmbench: bench is not built yet");
    2
}
