//! The few statistics the harness reports, kept apart so they can be
//! unit-tested and read on their own.
//!
//! Benchmark timings are noisy and skewed (a run can only be slowed down by a
//! busy machine, never sped up), so we summarise with the median rather than
//! the mean, and compare runtimes by ratios of medians. Ratios over several
//! programs are combined with the geometric mean: it is the only average for
//! which "2x slower on one program, 2x faster on another" comes out as 1x.

/// Median of the samples; the mean of the two middle ones for an even count.
/// `None` for no samples.
pub fn median(samples: &[f64]) -> Option<f64> {
    if samples.is_empty() {
        return None;
    }
    let mut v = samples.to_vec();
    v.sort_by(|a, b| a.total_cmp(b));
    let mid = v.len() / 2;
    Some(if v.len() % 2 == 1 { v[mid] } else { (v[mid - 1] + v[mid]) / 2.0 })
}

pub fn min(samples: &[f64]) -> Option<f64> {
    samples.iter().copied().reduce(f64::min)
}

pub fn max(samples: &[f64]) -> Option<f64> {
    samples.iter().copied().reduce(f64::max)
}

/// Time of a runtime relative to the reference runtime, from their medians:
/// 0.25 means "takes a quarter of the reference's time" (4x faster),
/// 2.0 means "takes twice as long". `None` when it cannot be formed.
pub fn ratio(median_other: f64, median_first: f64) -> Option<f64> {
    if median_first > 0.0 && median_other > 0.0 && median_other.is_finite() && median_first.is_finite() {
        Some(median_other / median_first)
    } else {
        None
    }
}

/// Geometric mean of positive values: exp of the mean of the logarithms.
/// `None` for an empty list or any non-positive value (no log exists).
pub fn geomean(values: &[f64]) -> Option<f64> {
    if values.is_empty() || values.iter().any(|v| v.is_nan() || *v <= 0.0 || v.is_infinite()) {
        return None;
    }
    let mean_log = values.iter().map(|v| v.ln()).sum::<f64>() / values.len() as f64;
    Some(mean_log.exp())
}

/// Half the range (max - min) / 2 as a fraction of the median: the "±" shown
/// next to a median. With few runs a range is more honest than a standard
/// deviation, which would pretend to know the shape of the noise.
pub fn relative_spread(samples: &[f64]) -> Option<f64> {
    let (lo, hi, med) = (min(samples)?, max(samples)?, median(samples)?);
    if med > 0.0 {
        Some((hi - lo) / 2.0 / med)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12
    }

    #[test]
    fn median_odd_count_is_middle_value() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&[5.0]), Some(5.0));
    }

    #[test]
    fn median_even_count_is_mean_of_middle_two() {
        assert_eq!(median(&[4.0, 1.0, 3.0, 2.0]), Some(2.5));
        assert_eq!(median(&[1.0, 2.0]), Some(1.5));
    }

    #[test]
    fn median_of_nothing_is_none() {
        assert_eq!(median(&[]), None);
        assert_eq!(min(&[]), None);
        assert_eq!(max(&[]), None);
    }

    #[test]
    fn min_and_max() {
        assert_eq!(min(&[3.0, 1.0, 2.0]), Some(1.0));
        assert_eq!(max(&[3.0, 1.0, 2.0]), Some(3.0));
    }

    #[test]
    fn geomean_of_reciprocals_is_one() {
        assert!(close(geomean(&[2.0, 0.5]).unwrap(), 1.0));
        assert!(close(geomean(&[1.0, 4.0]).unwrap(), 2.0));
        assert!(close(geomean(&[0.25]).unwrap(), 0.25));
    }

    #[test]
    fn geomean_rejects_empty_and_nonpositive() {
        assert_eq!(geomean(&[]), None);
        assert_eq!(geomean(&[1.0, 0.0]), None);
        assert_eq!(geomean(&[-1.0]), None);
    }

    #[test]
    fn ratio_is_other_over_first() {
        assert_eq!(ratio(1.0, 4.0), Some(0.25));
        assert_eq!(ratio(6.0, 3.0), Some(2.0));
        assert_eq!(ratio(1.0, 0.0), None);
        assert_eq!(ratio(0.0, 1.0), None);
    }

    #[test]
    fn spread_is_half_range_over_median() {
        assert!(close(relative_spread(&[0.9, 1.0, 1.1]).unwrap(), 0.1));
        assert_eq!(relative_spread(&[]), None);
    }
}
