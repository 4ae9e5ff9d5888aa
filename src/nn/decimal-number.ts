/**
 * The one syntax for a number typed by a person, wherever it is typed: a CSV cell, a command-line
 * option, a field of the explorer's form.
 */

/** A plain decimal number: optional sign, digits with an optional point, optional exponent ("0.05", ".5", "1e-3", "+2"; not "0x10", "1_000" or "Infinity"). */
export const DECIMAL_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
