//! `vmbench-python`: a drop-in `python` (2.7) command line on vmbench.

use lang_python::{run_python, PythonOptions};

const USAGE: &str = "usage: vmbench-python [option] ... [-c cmd | -m mod | file | -] [arg] ...";

fn main() {
    vmcore::install_panic_hook();
    let mut opts = PythonOptions::default();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "-c" => match args.next() {
                Some(c) => {
                    opts.command = Some(c);
                    opts.args = args.collect();
                    break;
                }
                None => {
                    eprintln!("Argument expected for the -c option\n{USAGE}\nTry `python -h' for more information.");
                    std::process::exit(2);
                }
            },
            "-m" => match args.next() {
                Some(m) => {
                    opts.module = Some(m);
                    opts.args = args.collect();
                    break;
                }
                None => {
                    eprintln!("Argument expected for the -m option\n{USAGE}\nTry `python -h' for more information.");
                    std::process::exit(2);
                }
            },
            "-V" | "--version" => {
                eprintln!("Python 2.7.18");
                return;
            }
            "-h" | "--help" => {
                println!("{USAGE}");
                return;
            }
            "-i" => opts.inspect = true,
            // Accepted for compatibility; their effects are the defaults here.
            "-u" | "-E" | "-S" | "-O" | "-OO" | "-B" | "-s" | "-t" | "-tt" | "-3" | "-d" | "-v" => {}
            "-W" | "-Q" => {
                args.next();
            }
            "--" => {
                if let Some(f) = args.next() {
                    opts.file = Some(f);
                }
                opts.args = args.collect();
                break;
            }
            "-" => {
                opts.args = args.collect();
                break;
            }
            s if s.starts_with("-W") || s.starts_with("-Q") => {}
            s if s.starts_with('-') && s.len() > 1 => {
                eprintln!("Unknown option: {s}\n{USAGE}\nTry `python -h' for more information.");
                std::process::exit(2);
            }
            _ => {
                opts.file = Some(a);
                opts.args = args.collect();
                break;
            }
        }
    }
    std::process::exit(run_python(opts));
}
