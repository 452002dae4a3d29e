/**
 * Which worksheet functions Excel 2021 has. The add-in declares CustomFunctionsRuntime 1.3 and
 * ships the XML manifest so that Excel 2021 (perpetual) runs it; a formula it writes, documents
 * or suggests must therefore use only functions Excel 2021 has, or the user gets #NAME?.
 *
 * Where these lists come from: Microsoft's own pages, read on 2026-12-07 (stored copies, through
 * the project's documentation search):
 *
 * - "Lookup and reference functions (reference)",
 *   https://support.microsoft.com/en-us/Excel/lookup-and-reference-functions-reference
 *   (CHOOSECOLS, CHOOSEROWS, DROP, EXPAND, HSTACK, TAKE, TOCOL, TOROW, VSTACK, WRAPCOLS, WRAPROWS
 *   carry the "Office 365" marker there).
 * - "Logical functions (reference)", https://support.microsoft.com/en-us/excel/logical-functions-reference
 *   (BYCOL, BYROW, LAMBDA, MAKEARRAY, MAP, REDUCE, SCAN, ISOMITTED).
 * - "Excel functions (alphabetical)",
 *   https://support.microsoft.com/en-us/office/excel-functions-alphabetical-b3944572-255d-4efb-bb96-c6d90033e188
 *   and "Excel functions (by category)",
 *   https://support.microsoft.com/en-us/office/excel-functions-by-category-5f91f4e9-7b42-46d2-9bd1-63f26a86c0eb
 *   (the version markers: a function is missing from every Excel older than its marker).
 * - Each function's own page, whose "Applies To" line names the Excel versions that have it. That
 *   line decides where the category pages' markers are coarser: the "Office 365" marker also sits
 *   on LET, whose page (https://support.microsoft.com/en-us/Excel/functions/let-function) applies
 *   to Excel 2021; TEXTSPLIT (https://support.microsoft.com/en-us/excel/textsplit-function)
 *   applies to "Excel for Microsoft 365, ... Excel 2024" and not 2021, as do TEXTBEFORE and
 *   TEXTAFTER; ARRAYTOTEXT (https://support.microsoft.com/en-us/excel/arraytotext-function) applies
 *   to Excel 2021; PERCENTOF (https://support.microsoft.com/en-us/Excel/percentof-function) and
 *   GROUPBY to "Excel for Microsoft 365" alone. (PIVOTBY's page lists Excel 2021 among its
 *   versions, but it came with GROUPBY, after Excel 2024 was fixed, and Excel 2021's "What's new"
 *   does not have it: it is kept here as newer.)
 *
 * A function added to a formula the add-in shows is checked against its Microsoft page first,
 * then added to EXCEL_2021_FUNCTIONS (or, when Excel 2021 lacks it, the formula is written
 * another way: a column of a spill is INDEX(range#, 0, n), not CHOOSECOLS).
 */

const MS = "https://support.microsoft.com/en-us/excel/";

/**
 * Functions Excel 2021 lacks (Excel 2024 or Microsoft 365 only), each with the Microsoft page that
 * says so: the function's own page (its "Applies To" line) where that was read, else the category
 * page whose version marker says so. Read for this list: the lookup-and-reference and logical
 * category pages, and the pages of TEXTSPLIT, ARRAYTOTEXT, LET, XLOOKUP, PERCENTOF, GROUPBY,
 * PIVOTBY, IMAGE, TRANSLATE and DETECTLANGUAGE. Not yet confirmed on their own pages (the page
 * given is where Microsoft lists them): TEXTBEFORE, TEXTAFTER, the REGEX functions, TRIMRANGE,
 * ISOMITTED, STOCKHISTORY, FIELDVALUE, PY, COPILOT. A newer function missing here is still
 * caught: it is on neither list, and an unchecked name fails.
 */
export const NEWER_THAN_EXCEL_2021: Readonly<Record<string, string>> = Object.freeze({
  // Array shaping: "Office 365" marker on the category page; Excel 2024 has them.
  VSTACK: `${MS}lookup-and-reference-functions-reference`,
  HSTACK: `${MS}lookup-and-reference-functions-reference`,
  CHOOSECOLS: `${MS}lookup-and-reference-functions-reference`,
  CHOOSEROWS: `${MS}lookup-and-reference-functions-reference`,
  TAKE: `${MS}lookup-and-reference-functions-reference`,
  DROP: `${MS}lookup-and-reference-functions-reference`,
  EXPAND: `${MS}lookup-and-reference-functions-reference`,
  TOCOL: `${MS}lookup-and-reference-functions-reference`,
  TOROW: `${MS}lookup-and-reference-functions-reference`,
  WRAPCOLS: `${MS}lookup-and-reference-functions-reference`,
  WRAPROWS: `${MS}lookup-and-reference-functions-reference`,
  TRIMRANGE: `${MS}lookup-and-reference-functions-reference`,
  // Text splitting: "Applies To" Microsoft 365 and Excel 2024, not 2021.
  TEXTSPLIT: `${MS}textsplit-function`,
  TEXTBEFORE: `${MS}textsplit-function`,
  TEXTAFTER: `${MS}textsplit-function`,
  // Regular expressions, translation: Microsoft 365 only.
  REGEXTEST: `${MS}text-functions-reference`,
  REGEXEXTRACT: `${MS}text-functions-reference`,
  REGEXREPLACE: `${MS}text-functions-reference`,
  TRANSLATE: `${MS}functions/translate-function`,
  DETECTLANGUAGE: `${MS}detectlanguage-function`,
  // LAMBDA and its helpers: "Office 365" marker; Excel 2024 has them.
  LAMBDA: `${MS}logical-functions-reference`,
  BYCOL: `${MS}logical-functions-reference`,
  BYROW: `${MS}logical-functions-reference`,
  MAKEARRAY: `${MS}logical-functions-reference`,
  MAP: `${MS}logical-functions-reference`,
  REDUCE: `${MS}logical-functions-reference`,
  SCAN: `${MS}logical-functions-reference`,
  ISOMITTED: `${MS}logical-functions-reference`,
  // Summaries: Microsoft 365.
  GROUPBY: `${MS}groupby-function`,
  PIVOTBY: `${MS}functions/pivotby-function`,
  PERCENTOF: `${MS}percentof-function`,
  // Pictures: Microsoft 365 and Excel 2024.
  IMAGE: `${MS}functions/image-function`,
  // Data services, Python, Copilot: Microsoft 365 subscriptions only.
  STOCKHISTORY: `${MS}financial-functions-reference`,
  FIELDVALUE: `${MS}lookup-and-reference-functions-reference`,
  PY: `${MS}python-in-excel`,
  COPILOT: `${MS}copilot-function`,
});

/**
 * Excel 2021 functions checked on their Microsoft pages ("Applies To" names Excel 2021, or the
 * category page gives no marker newer than 2019): those the add-in's formulas use, and a few
 * common ones. A name on neither list fails the test until it is checked and added.
 */
export const EXCEL_2021_FUNCTIONS: ReadonlySet<string> = new Set([
  // Dynamic arrays and LET: new in Excel 2021 (let-function, xlookup-function, filter-function...).
  "LET",
  "XLOOKUP",
  "XMATCH",
  "FILTER",
  "SORT",
  "SORTBY",
  "UNIQUE",
  "SEQUENCE",
  "ARRAYTOTEXT",
  // Older than Excel 2021 (no version marker, or 2010-2019 markers).
  "ABS",
  "AND",
  "CEILING",
  "CHOOSE",
  "COLUMN",
  "COLUMNS",
  "COUNT",
  "COUNTA",
  "COUNTIF",
  "COUNTIFS",
  "DATE",
  "DATEVALUE",
  "DAY",
  "DAYS",
  "DAYS360",
  "EDATE",
  "EOMONTH",
  "FALSE",
  "FIND",
  "FLOOR",
  "HOUR",
  "IF",
  "IFERROR",
  "IFNA",
  "IFS",
  "INDEX",
  "INT",
  "ISBLANK",
  "ISERROR",
  "ISNA",
  "ISNUMBER",
  "ISTEXT",
  "LEFT",
  "LEN",
  "MATCH",
  "MAX",
  "MID",
  "MIN",
  "MINUTE",
  "MOD",
  "MONTH",
  "N",
  "NA",
  "NETWORKDAYS",
  "NOT",
  "OR",
  "ROUND",
  "ROUNDDOWN",
  "ROUNDUP",
  "ROW",
  "ROWS",
  "SUM",
  "SUMIF",
  "SUMIFS",
  "SUMPRODUCT",
  "SWITCH",
  "TEXT",
  "TIME",
  "TODAY",
  "TRIM",
  "VLOOKUP",
  "WEEKDAY",
  "WORKDAY",
  "YEAR",
]);
