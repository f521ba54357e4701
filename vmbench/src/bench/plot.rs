//! `--plot FILE.svg|png`: the ratios per program as grouped bars, so a
//! comparison can be seen at a glance.
//!
//! The y axis is logarithmic and bars grow from the 1.0 line: "2x slower"
//! and "2x faster" are then bars of the same length in opposite directions,
//! which a linear axis would hide (0.5 looks much closer to 1 than 2 does).
//!
//! Text needs a TrueType font (plotters rasterises and measures glyphs
//! itself). We look for one on the system, or take $VMBENCH_FONT; without
//! one the chart is still drawn, just without any text.

use super::{report, Results};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use std::path::Path;
use std::sync::OnceLock;

const FONT_CANDIDATES: &[&str] = &[
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    "/usr/share/fonts/liberation-sans/LiberationSans-Regular.ttf",
    "/Library/Fonts/Arial.ttf",
];

/// Register a font under the name "sans-serif" once; true if one was found.
fn have_font() -> bool {
    static FOUND: OnceLock<bool> = OnceLock::new();
    *FOUND.get_or_init(|| {
        let candidates: Vec<String> = match std::env::var("VMBENCH_FONT") {
            Ok(p) => vec![p],
            Err(_) => FONT_CANDIDATES.iter().map(|s| s.to_string()).collect(),
        };
        for path in candidates {
            if let Ok(bytes) = std::fs::read(&path) {
                // plotters keeps fonts for the life of the program; leaking
                // one file's bytes once is exactly that.
                let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
                if plotters::style::register_font("sans-serif", FontStyle::Normal, bytes).is_ok() {
                    return true;
                }
            }
        }
        false
    })
}

/// Colours for the bars, chosen to stay distinguishable side by side.
const COLOURS: &[RGBColor] = &[
    RGBColor(31, 119, 180),
    RGBColor(255, 127, 14),
    RGBColor(44, 160, 44),
    RGBColor(214, 39, 40),
    RGBColor(148, 103, 189),
    RGBColor(140, 86, 75),
    RGBColor(227, 119, 194),
    RGBColor(127, 127, 127),
];

pub fn write_plot(res: &Results, path: &Path) -> Result<(), String> {
    if res.runtimes.len() < 2 {
        return Err("cannot plot ratios with a single runtime".into());
    }
    let ratios: Vec<f64> = (0..res.programs.len()).flat_map(|pi| (1..res.runtimes.len()).filter_map(move |ri| report::ratio(res, pi, ri))).collect();
    if ratios.is_empty() {
        return Err("no ratios to plot: no program has valid results for the first runtime and another one".into());
    }
    let text = have_font();
    if !text {
        eprintln!("vmbench bench: warning: no TrueType font found (set VMBENCH_FONT=path.ttf); chart drawn without text");
    }
    // Wide enough that every program name fits under its group of bars.
    let size = ((110 * res.programs.len() as u32).clamp(640, 4000), 560);
    let is_png = path.extension().is_some_and(|e| e == "png");
    if is_png {
        draw(res, BitMapBackend::new(path, size).into_drawing_area(), &ratios, text)
    } else {
        draw(res, SVGBackend::new(path, size).into_drawing_area(), &ratios, text)
    }
}

fn err<E: std::fmt::Display>(e: E) -> String {
    format!("cannot draw the chart: {e}")
}

fn draw<DB: DrawingBackend>(res: &Results, root: DrawingArea<DB, Shift>, ratios: &[f64], text: bool) -> Result<(), String>
where
    DB::ErrorType: 'static,
{
    let n = res.programs.len();
    let others = res.runtimes.len() - 1;
    // Log axis in base 2, from a power of two below every ratio (and below
    // 1.0) to one above: the ticks are then 0.25x, 0.5x, 1x, 2x..., and even
    // a narrow spread of ratios gets at least a tick on each side of 1x.
    let lo = 2f64.powf((ratios.iter().copied().fold(1.0, f64::min) / 1.15).log2().floor());
    let top = (ratios.iter().copied().fold(1.0, f64::max) * 1.15).log2();
    // Leave a band at the top free for the legend (about 22 px per entry
    // out of roughly 420 px of plot), so it never covers a bar.
    let band = ((res.runtimes.len() - 1) as f64 * 22.0 + 20.0) / 420.0;
    let hi = 2f64.powf((top + (top - lo.log2()) * band / (1.0 - band)).ceil());

    root.fill(&WHITE).map_err(err)?;
    let mut builder = ChartBuilder::on(&root);
    builder.margin(20);
    if text {
        let first = &res.runtimes[0].label;
        builder
            .caption(format!("{}: time relative to {first} (median of {} runs)", res.lang, res.runs), ("sans-serif", 20))
            .x_label_area_size(45)
            .y_label_area_size(70);
    }
    // Programs sit at x = 0, 1, 2...; asking for n labels over a range n wide
    // makes plotters choose a step of 1, so one label lands under each.
    let mut chart = builder.build_cartesian_2d(-0.5..n as f64 - 0.5, (lo..hi).log_scale().base(2.0)).map_err(err)?;

    let names: Vec<String> = res.programs.iter().map(|p| p.name.clone()).collect();
    let x_name = |x: &f64| {
        let i = x.round();
        if (x - i).abs() > 0.01 || i < 0.0 {
            return String::new(); // not at a program's position
        }
        names.get(i as usize).cloned().unwrap_or_default()
    };
    // Below 1 the ticks read as fractions (1/8x: an eighth of the time),
    // which says "8 times faster" more plainly than 0.125x.
    let y_fmt = |y: &f64| {
        if *y >= 1.0 || (1.0 / y - (1.0 / y).round()).abs() > 1e-6 {
            let s = format!("{y:.3}");
            format!("{}x", s.trim_end_matches('0').trim_end_matches('.'))
        } else {
            format!("1/{}x", (1.0 / y).round())
        }
    };
    let mut mesh = chart.configure_mesh();
    mesh.disable_x_mesh();
    if text {
        mesh.x_labels(n)
            .y_labels(12)
            .x_label_formatter(&x_name)
            .y_label_formatter(&y_fmt)
            .x_desc("program")
            .y_desc(format!("time / time of {} (log scale; below 1 = faster)", res.runtimes[0].label))
            .label_style(("sans-serif", 13));
    } else {
        mesh.x_labels(0).y_labels(0);
    }
    mesh.draw().map_err(err)?;

    // Each program's slot is 0.8 wide, shared by one bar per runtime.
    let width = 0.8 / others as f64;
    for ri in 1..res.runtimes.len() {
        let colour = COLOURS[(ri - 1) % COLOURS.len()];
        let bars: Vec<_> = (0..n)
            .filter_map(|pi| {
                let r = report::ratio(res, pi, ri)?;
                let x0 = pi as f64 - 0.4 + width * (ri - 1) as f64;
                Some(Rectangle::new([(x0 + 0.01, 1.0), (x0 + width - 0.01, r)], colour.filled()))
            })
            .collect();
        if bars.is_empty() {
            continue; // a missing runtime gets no legend entry either
        }
        let series = chart.draw_series(bars).map_err(err)?;
        if text {
            series.label(res.runtimes[ri].label.clone()).legend(move |(x, y)| Rectangle::new([(x, y - 6), (x + 14, y + 6)], colour.filled()));
        }
    }
    // The value at the end of each bar, for those who want the number.
    if text {
        for ri in 1..res.runtimes.len() {
            let labels: Vec<_> = (0..n)
                .filter_map(|pi| {
                    let r = report::ratio(res, pi, ri)?;
                    let x = pi as f64 - 0.4 + width * (ri as f64 - 0.5);
                    let (dy, v) = if r >= 1.0 { (-3, VPos::Bottom) } else { (3, VPos::Top) };
                    let style = TextStyle::from(("sans-serif", 11).into_font()).pos(Pos::new(HPos::Center, v));
                    Some(EmptyElement::at((x, r)) + Text::new(report::fmt_ratio(r), (0, dy), style))
                })
                .collect();
            chart.draw_series(labels).map_err(err)?;
        }
    }
    // The reference line: on it, as fast as the first runtime.
    chart.draw_series(LineSeries::new([(-0.5, 1.0), (n as f64 - 0.5, 1.0)], BLACK.stroke_width(2))).map_err(err)?;
    if text {
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::UpperRight)
            .background_style(WHITE.mix(0.85))
            .border_style(BLACK)
            .label_font(("sans-serif", 14))
            .draw()
            .map_err(err)?;
    }
    root.present().map_err(err)
}
