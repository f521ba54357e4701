//! Methods of a builtin type (being written; see objects/mod.rs bootstrap).

/// Installs this type's methods into its type dict.
pub fn install() {}
