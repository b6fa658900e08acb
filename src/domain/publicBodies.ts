/**
 * The short forms that Welsh registers use for public bodies, in English and
 * Welsh, with what they stand for. Data, not code: a governance officer who
 * meets another short form adds a line here. Each short form is a word as
 * `fold` leaves it (lower case, no accents, no full stops), so "C.B.C.",
 * "CBC" and "cbc" are one; what it stands for is folded the same way.
 *
 * Only forms that mean one thing in a register of partners belong here: "CC"
 * is a county council (a community council is written out), "HB" a health
 * board. A short form is expanded wherever it stands in a name, so "Torfaen
 * CBC" and "CBS Torfaen" (the Welsh order) both read as the council's name.
 */
export const PUBLIC_BODY_SHORT_FORMS: Readonly<Record<string, string>> = {
  // Councils
  cbc: 'county borough council',
  cc: 'county council',
  bc: 'borough council',
  mbc: 'metropolitan borough council',
  cbs: 'cyngor bwrdeistref sirol',
  cs: 'cyngor sir',
  // Places whose names registers shorten
  npt: 'neath port talbot',
  rct: 'rhondda cynon taf',
  // Health
  uhb: 'university health board',
  hb: 'health board',
  bip: 'bwrdd iechyd prifysgol',
  phw: 'public health wales',
  // Police, fire and rescue
  pcc: 'police and crime commissioner',
  opcc: 'office of police and crime commissioner',
  chth: 'comisiynydd heddlu a throseddu',
  frs: 'fire and rescue service',
  gta: 'gwasanaeth tan ac achub',
  // Other bodies and words
  dwp: 'department for work and pensions',
  hmpps: 'hm prison and probation service',
  nrw: 'natural resources wales',
  cnc: 'cyfoeth naturiol cymru',
  wlga: 'welsh local government association',
  cllc: 'cymdeithas llywodraeth leol cymru',
  gavo: 'gwent association of voluntary organisations',
  univ: 'university',
  uni: 'university',
  govt: 'government',
  dept: 'department',
  assoc: 'association',
  ha: 'housing association',
  ltd: 'limited',
  cyf: 'cyfyngedig',
};
