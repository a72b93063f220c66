/** Closed lists of geographic units: Irish, British and Northern Irish counties, US states (for ZIP context). */

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

/**
 * Counties and council areas of Great Britain (ceremonial counties of England, Welsh principal areas and
 * preserved counties, Scottish council areas) whose names are not also words or given names ("Kent",
 * "Angus", "Highland", "Bath" are left to context): flagged wherever they stand, like the distinct
 * Irish counties.
 */
export const BRITISH_COUNTIES: readonly string[] = [
  ...words(`
  Bedfordshire Berkshire Buckinghamshire Cambridgeshire Cheshire Cornwall Cumbria Derbyshire Devon Dorset
  Durham Essex Gloucestershire Hampshire Herefordshire Hertfordshire Lancashire Leicestershire Lincolnshire
  Merseyside Norfolk Northamptonshire Northumberland Nottinghamshire Oxfordshire Rutland Shropshire Somerset
  Staffordshire Suffolk Surrey Warwickshire Wiltshire Worcestershire Yorkshire Teesside Tyneside Humberside
  Anglesey Ynys Gwynedd Conwy Denbighshire Flintshire Wrexham Powys Ceredigion Pembrokeshire Carmarthenshire
  Glamorgan Monmouthshire Torfaen Caerphilly Rhondda Clwyd Dyfed Gwent Brecknockshire Radnorshire
  Aberdeenshire Clackmannanshire Dumfries Galloway Lanarkshire Ayrshire Renfrewshire Dunbartonshire Fife
  Midlothian Lothian Moray Perthshire Kinross Stirlingshire Argyll Orkney Shetland Sutherland Caithness
  Berwickshire Roxburghshire Peeblesshire Selkirkshire Kincardineshire Banffshire Inverness-shire
`),
];
