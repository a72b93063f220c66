/** Closed lists of geographic units: Irish and Northern Irish counties, US states (for ZIP context). */

const words = (s: string): string[] => s.trim().split(/\s+/);

/** The 32 counties of Ireland (Safe Harbor: any subdivision smaller than a state). */
export const IRISH_COUNTIES: readonly string[] = words(`
  Antrim Armagh Carlow Cavan Clare Cork Derry Donegal Down Dublin Fermanagh Galway Kerry Kildare Kilkenny
  Laois Leitrim Limerick Londonderry Longford Louth Mayo Meath Monaghan Offaly Roscommon Sligo Tipperary
  Tyrone Waterford Westmeath Wexford Wicklow
`);

/**
 * Counties whose name is not also a common word, given name or condition ("Down syndrome", "Clare",
 * "Kerry", "Tyrone", "Derry", "Cork"): these are flagged even without "Co." in front.
 */
export const DISTINCT_IRISH_COUNTIES: readonly string[] = IRISH_COUNTIES.filter(
  (c) => !['Clare', 'Cork', 'Derry', 'Down', 'Kerry', 'Tyrone', 'Dublin', 'Mayo'].includes(c),
);

export const US_STATE_CODES: readonly string[] = words(`
  AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH
  OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY
`);
