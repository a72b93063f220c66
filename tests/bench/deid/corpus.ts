/**
 * Labelled corpus for the de-identification scanner. Every note is SYNTHETIC: the people, addresses,
 * phone numbers (Ofcom/NANP drama ranges where possible), emails and identifiers are invented, and the
 * numbers with check digits were generated to be valid for their scheme, not copied from anyone.
 *
 * Markup: `[[KIND:text]]` marks a gold identifier span; `parseNote()` strips the markup and returns the
 * plain text with the gold spans as UTF-16 offsets into it.
 *
 * Annotation conventions (what a careful human reviewer would mark under HIPAA Safe Harbor plus UK and
 * Irish practice):
 * - NAME: people (patients, relatives, carers, clinicians, presenters) and named employers. Titles
 *   (Mr, Dr...) are left outside the brackets; an initial after a title counts as a name.
 * - DATE: any date element more specific than a year, including month + year and a bare day of month
 *   ("on the 28th"); a birth year that implies an age over 89 is marked too. Years alone, durations,
 *   times, weekdays alone and months alone are not identifiers.
 * - AGE: ages over 89 only, with the words that express them ("92-year-old", "aged 95").
 * - ADDRESS: a contiguous address (street to postcode) is one span; a town, county, townland or
 *   postcode mentioned on its own is its own span. Countries and US states are not marked.
 * - ID: any number or code that identifies a person, account, document, vehicle or device.
 * - URL / EMAIL / IP: every one, even a public site, as Safe Harbor lists them without exception.
 * Hospital names, service names, eponyms, drugs and scales are not identifiers and are left unmarked.
 */
import type { IdentifierKind } from '@echo-hub/deid';

export interface CorpusNote {
  id: string;
  topic: string;
  marked: string;
}

export interface GoldSpan {
  kind: IdentifierKind;
  start: number;
  end: number;
  text: string;
}

export interface ParsedNote {
  id: string;
  topic: string;
  text: string;
  gold: GoldSpan[];
}

const MARKUP = /\[\[(NAME|DATE|AGE|PHONE|EMAIL|ADDRESS|ID|URL|IP):([^\]]+)\]\]/g;

/** Strips `[[KIND:text]]` markup, returning the plain text and the gold spans (UTF-16 offsets). */
export function parseNote(note: CorpusNote): ParsedNote {
  const gold: GoldSpan[] = [];
  let text = '';
  let last = 0;
  for (const m of note.marked.matchAll(MARKUP)) {
    const at = m.index ?? 0;
    text += note.marked.slice(last, at);
    const start = text.length;
    text += m[2];
    gold.push({ kind: m[1] as IdentifierKind, start, end: text.length, text: m[2] });
    last = at + m[0].length;
  }
  text += note.marked.slice(last);
  if (text.includes('[[') || text.includes(']]')) throw new Error(`Malformed markup in corpus note ${note.id}`);
  return { id: note.id, topic: note.topic, text, gold };
}

/** Notes containing identifiers: case-presentation drafts of the kind a spoke might paste in. */
export const identifierNotes: CorpusNote[] = [
  {
    id: 'id-01',
    topic: 'diabetes, Northern Ireland',
    marked: `Mrs [[NAME:Mary O'Neill]], [[AGE:92-year-old]] widow, lives alone at [[ADDRESS:14 Elm Grove, Lisburn BT28 1AB]]. T2DM since 2009 on metformin 500 mg twice daily and gliclazide 80 mg. HbA1c 58 mmol/mol in March, eGFR 45. H&C [[ID:320 245 8116]]. Daughter [[NAME:Siobhán]] phones most days from [[ADDRESS:Dublin]] on [[PHONE:+353 87 123 4567]].`,
  },
  {
    id: 'id-02',
    topic: 'mental health, England',
    marked: `Referral from Dr [[NAME:Anjali Patel]] at Park Lane Surgery. [[NAME:Jamie Thompson]] (DOB [[DATE:14/07/1998]]) presents with low mood, PHQ-9 of 14 and GAD-7 12. Started sertraline 50mg on [[DATE:3 March 2024]], increased to 100mg after 4 weeks. Lives with partner [[NAME:Chris]] in a flat on [[ADDRESS:Hartley Road, Leeds LS6 2AB]]. Mobile [[PHONE:07700 900123]].`,
  },
  {
    id: 'id-03',
    topic: 'COPD, Ireland',
    marked: `[[NAME:Pádraig Ó Súilleabháin]], 71, retired fisherman from [[ADDRESS:Dingle, Co. Kerry]]. COPD GOLD 3, FEV1 48% predicted, mMRC 3, CAT score 24. Two exacerbations since [[DATE:January 2024]], each treated with prednisolone 40 mg for 5 days and doxycycline. On Trimbow 2 puffs BD. Eircode [[ADDRESS:V92 X7KP]]. PPSN [[ID:1234567T]]. GP Dr [[NAME:Fionnuala Brennan]], tel [[PHONE:066 915 1234]].`,
  },
  {
    id: 'id-04',
    topic: 'dementia, US intake',
    marked: `Patient: [[NAME:Harold Jenkins]]\nMRN: [[ID:00482913]]\nDOB: [[DATE:02/11/1931]]\n[[AGE:93 y/o]] male with Alzheimer's dementia, MMSE 18/30, on donepezil 10 mg nightly. Lives with his son [[NAME:Robert]] at [[ADDRESS:1422 Maple Avenue, Springfield, IL 62704]]. Son's cell [[PHONE:(217) 555-0143]]. Fell at home on [[DATE:March 3rd]]; CT head negative. Wandered twice in [[DATE:February 2024]].`,
  },
  {
    id: 'id-05',
    topic: 'social prescribing, England',
    marked: `Link worker note: [[NAME:Doreen Walsh]] was referred to Social Prescribing by her GP for loneliness after her husband [[NAME:Frank]] died in 2022. She is 78 and lives at [[ADDRESS:Flat 3, 22 High Street, Oldham]]. Attends the knit-and-natter group at the community centre 3 times a week. Contact via her niece [[NAME:Karen Hughes]] ([[EMAIL:karen.hughes71@gmail.com]]).`,
  },
  {
    id: 'id-06',
    topic: 'paediatric asthma, Northern Ireland',
    marked: `[[NAME:Oisín McCann]], aged 7, attends with mum [[NAME:Aoife]]. Asthma, on Clenil 100 mcg 2 puffs BD and salbutamol PRN. PEFR 220 L/min. School: St Patrick's Primary. Born at 32+4 weeks. Hospital number [[ID:K123456]]. Address [[ADDRESS:7 Glen Road, Belfast BT11 8BU]]. Mum's mobile [[PHONE:07700 900456]].`,
  },
  {
    id: 'id-07',
    topic: 'depression, US',
    marked: `[[NAME:Maria Gonzalez]], 34F, SSN [[ID:123-45-6789]], Medicaid ID [[ID:NY48213377]]. Major depressive disorder, PHQ-9 21, on fluoxetine 40 mg daily and trazodone 50 mg qhs. Employed by [[NAME:Dunne & Sons Haulage]] as a dispatcher. Therapist: Dr. [[NAME:Lisa Chen]], [[PHONE:555-201-4477]] ext 12. Portal: [[URL:https://mychart.example-health.org/patient/88213]]. Last seen [[DATE:04/22/2024]].`,
  },
  {
    id: 'id-08',
    topic: 'dementia, rural Ireland',
    marked: `[[NAME:Bridget Kavanagh]] is [[AGE:95]] and lives in [[ADDRESS:Ballina, Co. Mayo]] with her son [[NAME:Seán]]. Mixed dementia; MMSE 16/30 in 2023. On memantine 20 mg. Son contactable on [[PHONE:(094) 902 1234]] or [[PHONE:+353 86 555 0199]]. Public health nurse visits weekly.`,
  },
  {
    id: 'id-09',
    topic: 'type 1 diabetes remote monitoring, US',
    marked: `Remote monitoring: [[NAME:Tyrone Jackson]]'s Dexcom uploads stopped on [[DATE:2024-05-14]]. The uploader logs show the last connection from [[IP:73.162.44.201]]. Time in range 52%, GMI 7.9%. Insulin glargine 28 units nightly, lispro with carb ratio 1:10. Receiver serial [[ID:SM74021933]]. He shared his log at [[URL:www.dropbox.com/s/8kq2x/tyrone_glucose.csv]].`,
  },
  {
    id: 'id-10',
    topic: 'safeguarding, England',
    marked: `Concern raised by school nurse [[NAME:Helen Morris]] on [[DATE:Monday 4 March]]. [[NAME:Kayden]] (age 9) disclosed that mum's partner, [[NAME:Lee Carter]], hits him. Family live at [[ADDRESS:41 Oakwood Drive, Rotherham S65 2QT]]. Social worker [[NAME:Priya Sharma]], [[PHONE:01709 336 421]], [[EMAIL:p.sharma@rotherham.gov.uk]]. Case ref [[ID:SC-2024-004471]].`,
  },
  {
    id: 'id-11',
    topic: 'COPD admission, Northern Ireland',
    marked: `Mr [[NAME:William Ferguson]], [[AGE:91-year-old]] former shipyard worker with COPD and asbestosis. Hosp no: [[ID:RVB1234567]]. Admitted [[DATE:12-Mar-24]] with type 2 respiratory failure, pH 7.29, pCO2 8.1 kPa. NIV for 48 hours. Home O2 2 L/min for 15 hours a day. Lives at [[ADDRESS:3 Orchard Close, Newtownards BT23 4LP]]. Wife [[NAME:Margaret]] is his carer; landline [[PHONE:028 9181 2345]].`,
  },
  {
    id: 'id-12',
    topic: 'frailty, England',
    marked: `[[AGE:Aged 97]], lives alone in sheltered housing in [[ADDRESS:Harrogate]]. Rockwood Clinical Frailty Scale 6. Falls x3 since Christmas. Grandson [[NAME:Tom Bailey]] ([[EMAIL:tom.bailey@outlook.com]]) asked whether the DNACPR from [[DATE:the 5th of June]] still stands. Dr [[NAME:Okafor]] reviewed her on [[DATE:June 12th]].`,
  },
  {
    id: 'id-13',
    topic: 'heart failure referral, US',
    marked: `Referral faxed to Dr [[NAME:Samuel Okonkwo]], Cardiology, fax [[PHONE:(312) 555-0188]]. Pt [[NAME:Linda Perez]], [[ADDRESS:2208 W Division St, Apt 3B, Chicago, IL 60622]]. Insurance member ID [[ID:XJH448812903]]. HFrEF, EF 30%, NYHA class III, on sacubitril/valsartan 49/51 mg BD, bisoprolol 5 mg, eplerenone 25 mg. BNP 1,240 pg/mL. Weight up 2 kg in 3 days.`,
  },
  {
    id: 'id-14',
    topic: 'first seizure and driving, Wales',
    marked: `DVLA query: [[NAME:Gareth Evans]] had a first seizure on [[DATE:18 April 2024]]. He drives a van for work (reg [[ID:KX19 ZPL]]) and his licence number is [[ID:EVANS803122GH9AB]]. EEG normal, MRI awaited. Advised not to drive for 6 months and to inform the DVLA. Started levetiracetam 250 mg BD. Employer: [[NAME:Pryce Plumbing Ltd]], [[ADDRESS:Cardiff]].`,
  },
  {
    id: 'id-15',
    topic: 'money advice, Ireland',
    marked: `Money advice referral for [[NAME:Declan Murphy]]. Rent arrears; his credit union account [[ID:40017723]] is overdrawn. Wants the disability allowance paid into IBAN [[ID:IE29 AIBK 9311 5212 3456 78]]. Lives at [[ADDRESS:Apt 12, Riverside Court, Athlone]], Eircode [[ADDRESS:N37 F6H2]]. Alcohol use: AUDIT-C 9. Thiamine 100 mg TDS.`,
  },
  {
    id: 'id-16',
    topic: 'CAMHS case presentation form',
    marked: `Case presentation – CAMHS spoke\nPresenter: [[NAME:Rachel Dunn]], Band 6 nurse\nYoung person: [[NAME:Ellie-Mae Robinson]], 15\nConcern: self-harm (cutting) since [[DATE:October 2023]]; RCADS elevated. Lives with dad [[NAME:Darren]] and stepmum in [[ADDRESS:Grimsby]]. School SENCO involved.\nQuestion for the hub: fluoxetine 10 mg now, or wait for CBT?`,
  },
  {
    id: 'id-17',
    topic: 'video consultation problem',
    marked: `Video consult dropped twice. Patient [[NAME:Agnieszka Nowak]] joined from [[IP:192.168.1.47]] behind a home router; the relay logged [[IP:2a02:8084:4c2:1a00:5d1e:9f3a:12b4:7c01]]. Please don't paste call logs into case notes. She is on apixaban 5 mg BD for AF, CHA2DS2-VASc 4.`,
  },
  {
    id: 'id-18',
    topic: 'hypertension letter with signature',
    marked: `Thank you for seeing this gentleman with poorly controlled hypertension (BP 168/96 despite amlodipine 10 mg, ramipril 10 mg and indapamide 2.5 mg). Renal function stable, K+ 4.1, Na 138.\n\nKind regards,\n[[NAME:Anna Kowalczyk]]\nPractice Pharmacist\nDirect line [[PHONE:0161 496 0732]]`,
  },
  {
    id: 'id-19',
    topic: 'neuropathy intake form, US',
    marked: `Intake form. Name: [[NAME:Dolores Ruiz]]. DOB: [[DATE:3/7/1948]]. SSN: [[ID:078-05-1120]]. Address: [[ADDRESS:88 Harbor View Rd, Tampa, FL 33602]]. Phone: [[PHONE:813-555-0190]]. Email: [[EMAIL:druiz48@yahoo.com]]. Chief complaint: burning feet; neuropathy with A1c 9.2%. Takes gabapentin 300 mg TID.`,
  },
  {
    id: 'id-20',
    topic: 'chest infection, UK shorthand',
    marked: `[[NAME:Jack Brennan]], 3/7 history of productive cough, fever 38.4, CRP 86. Seen by OOH on [[DATE:21/01/2024]]. Amoxicillin 500 mg TDS for 5/7. Review in 2/52. Hx: asthma, ex-smoker 20 pack-years. VA 6/9 both eyes at last check.`,
  },
  {
    id: 'id-21',
    topic: "Parkinson's, rural Donegal",
    marked: `[[NAME:Michael Doherty]], farmer, lives alone at [[ADDRESS:Rose Cottage, Drumkeen, Co. Donegal]]. Eircode [[ADDRESS:F93 K7N2]]. Parkinson's disease diagnosed 2017, on co-careldopa 25/100 mg five times a day. Hoehn and Yahr stage 3. Neighbour Mrs [[NAME:Gallagher]] checks on him daily.`,
  },
  {
    id: 'id-22',
    topic: 'adolescent overdose',
    marked: `[[NAME:Chloe]] (17) posted about her overdose on Instagram ([[URL:instagram.com/chloe.h.2007]]); her friend [[NAME:Megan]] screenshotted it and emailed the school counsellor at [[EMAIL:counselling@stmarysgrammar.org.uk]]. Paracetamol level at 4 hours 120 mg/L; NAC started per nomogram.`,
  },
  {
    id: 'id-23',
    topic: 'transfer summary, Northern Ireland',
    marked: `Transfer summary. NHS no: [[ID:485 777 3458]] (as written on the referral, may be mistyped). H&C number [[ID:345 911 1933]]. [[NAME:Ruth Gilmore]], ward 5A, bed 12. Discharged [[DATE:Fri 15 March 2024]] on furosemide 40 mg OD and bisoprolol 2.5 mg.`,
  },
  {
    id: 'id-24',
    topic: 'road traffic collision, US',
    marked: `MVC on [[DATE:Jan 7, 2024]]: [[NAME:Kevin O'Brien]] was the restrained driver. Police report lists VIN [[ID:1HGCM82633A004352]] and plate [[ID:7ABC123]]. Whiplash; NDI 34%. Ibuprofen 400 mg TID with PPI cover. PT twice weekly.`,
  },
  {
    id: 'id-25',
    topic: 'pacemaker and AF',
    marked: `[[NAME:Elizabeth Hartley]] has a dual-chamber pacemaker (serial no. [[ID:PJN882913S]]) inserted [[DATE:14.02.2019]] for complete heart block. Remote monitoring via [[URL:https://www.medtroniccarelink.net]] shows 3 episodes of AF. Anticoagulation? CHA2DS2-VASc 5, HAS-BLED 2.`,
  },
  {
    id: 'id-26',
    topic: 'paediatric type 1 diabetes',
    marked: `[[NAME:Noah Clarke]], 11, T1DM since age 4. Omnipod pump, serial number [[ID:5512-ABC-0093]]; Libre sensor [[ID:0M00A1B2C3]] failed early. HbA1c 71 mmol/mol. Dad [[NAME:Stephen]] is struggling with night-time hypos; parents separated in 2022. Clinic: [[PHONE:0117 496 0581]].`,
  },
  {
    id: 'id-27',
    topic: 'bladder cancer timeline',
    marked: `Timeline: first presented [[DATE:Tuesday 9th January 2024]] with haematuria; cystoscopy [[DATE:2 Feb]]; TURBT [[DATE:20th Feb 2024]]; MDT [[DATE:Mar 1]]. BCG induction planned. Patient: [[NAME:Desmond Quinn]], ex-smoker, 50 pack-years.`,
  },
  {
    id: 'id-28',
    topic: 'ward round ages',
    marked: `Ward round: bed 3 is a [[AGE:94yo]] lady with delirium, bed 4 a 67-year-old man with cellulitis, bed 6 [[AGE:age: 91]], bed 7 aged 45. The [[AGE:90 year old]] in side room 2 has C. diff. Age bands for the audit: 60-69, 70-79, 80-89, 90+.`,
  },
  {
    id: 'id-29',
    topic: 'CKD care coordination, US',
    marked: `Care coordination: call [[NAME:Janet Miller]] (daughter) at [[PHONE:+1 415 555 0132]] or the home line [[PHONE:415.555.0177]]. Her email is [[EMAIL:janet.m.miller@icloud.com]]. Patient has CKD stage 4, eGFR 22, on sodium bicarbonate 500 mg TID. Dialysis education visit [[DATE:5/20/2024]].`,
  },
  {
    id: 'id-30',
    topic: 'psychosis relapse, Dublin',
    marked: `A man called [[NAME:Tadhg]] rang the crisis line three times last week, saying his brother [[NAME:Cathal Lynch]] had stopped taking olanzapine 10 mg. They live in [[ADDRESS:Tallaght]]. Gardaí attended on [[DATE:Saturday 13 April]]. CRHT referral made. PANSS not done.`,
  },
  {
    id: 'id-31',
    topic: 'motor neurone disease',
    marked: `Resources sent to the carer: [[URL:http://www.mndassociation.org/support]]. The family's fundraising page is [[URL:https://www.gofundme.com/f/help-for-liam-byrne]]. [[NAME:Liam Byrne]] has motor neurone disease (ALSFRS-R 31), on riluzole 50 mg BD. PEG discussed.`,
  },
  {
    id: 'id-32',
    topic: 'black lung, Appalachia',
    marked: `[[NAME:Betty Lou Harper]], an 89-year-old from [[ADDRESS:Pike County]], KY [[ADDRESS:41501]], lives in a trailer outside [[ADDRESS:Pikeville]]. Pneumoconiosis, on home oxygen 3 L. Daughter [[NAME:Crystal]] drives her to clinic.`,
  },
  {
    id: 'id-33',
    topic: 'dementia carer strain, Northern Ireland',
    marked: `[[NAME:Eileen]] has vascular dementia and her son [[NAME:David]] (her main carer) is exhausted. Zarit burden score 48. He works nights at [[NAME:Tesco]] in [[ADDRESS:Craigavon]]. Respite requested.`,
  },
  {
    id: 'id-34',
    topic: 'eating disorder update email',
    marked: `Thanks all for the advice last week re: the 16-year-old with ARFID. Weight now 41.2 kg (BMI 15.1, 0.4th centile). Happy to present an update on [[DATE:the 28th]].\nThanks,\n[[NAME:Niamh]]\n[[EMAIL:niamh.oconnor@hse.ie]]`,
  },
  {
    id: 'id-35',
    topic: 'home visit, Tyrone',
    marked: `Home visit: [[ADDRESS:112 Ballygawley Road, Dungannon BT70 1TW]]. Mr [[NAME:Samuel Irwin]], COPD and heart failure, NEWS2 5 on arrival. His car ([[ID:LXZ 4521]]) has not moved for days, per the neighbour.`,
  },
  {
    id: 'id-36',
    topic: 'opioid use disorder, Texas',
    marked: `Patient [[NAME:Marcus Williams]] presented for buprenorphine induction. COWS 14. Texas driver's license [[ID:12345678]]; SSN last four [[ID:4471]]. Discharged to a sober-living home at [[ADDRESS:1900 E 7th St, Austin, TX 78702]].`,
  },
  {
    id: 'id-37',
    topic: 'hypothyroidism, Wales',
    marked: `[[NAME:Gwen Roberts]] takes levothyroxine 100 micrograms; TSH 6.2, FT4 11. Repeat prescription [[ID:RX-0048821]] is collected from the pharmacy in [[ADDRESS:Bangor]]. Lives with her husband [[NAME:Emyr]].`,
  },
  {
    id: 'id-38',
    topic: 'CKD and gout, London',
    marked: `Contacts for Mr [[NAME:Patel]]: home [[PHONE:020 7946 0958]], work [[PHONE:+44 (0)121 496 0770]], daughter's mobile [[PHONE:+44 7700 900 318]]. He has CKD 3b (eGFR 38, ACR 34 mg/mmol) and gout; allopurinol 300 mg OD, colchicine 500 mcg BD during flares.`,
  },
  {
    id: 'id-39',
    topic: 'perinatal mental health, Clare',
    marked: `[[NAME:Gráinne Ní Bhriain]] lives at [[ADDRESS:5 Church View, Ennis, Co. Clare V95 H2T4]]. Phone [[PHONE:065 682 1234]], mobile [[PHONE:085 123 4567]]. Postnatal depression, EPDS 19 at 6 weeks; baby [[NAME:Fiadh]] born [[DATE:2/1/2024]].`,
  },
  {
    id: 'id-40',
    topic: 'recurrent UTI, US nursing home',
    marked: `[[AGE:92F]] with recurrent UTIs on nitrofurantoin prophylaxis 50 mg nightly. Last culture [[DATE:Aug 2023]] grew E. coli. Lives in a care home. Granddaughter [[NAME:Brittany]] handles her affairs; [[PHONE:555-0148]].`,
  },
  {
    id: 'id-41',
    topic: 'hip fracture incident',
    marked: `Safeguarding ref: [[ID:SG/23/01987]]. Datix [[ID:W123456]] submitted after the fall. [[NAME:Hilda Baxter]] sustained a #NOF; Nottingham Hip Fracture Score 5. Hemiarthroplasty on [[DATE:09/09/2023]].`,
  },
  {
    id: 'id-42',
    topic: 'head injury, Scotland',
    marked: `[[NAME:Morag Campbell]], CHI [[ID:1203491549]], fell at home in [[ADDRESS:Kirkcaldy]]. Glasgow Coma Scale 15, on warfarin for a metallic mitral valve, INR 3.4. CT head at 21:40 showed no bleed. Her partner [[NAME:Alasdair]] stayed overnight.`,
  },
  {
    id: 'id-43',
    topic: 'sickle cell disease, US',
    marked: `[[NAME:D'Andre Washington-Bell]], 28, sickle cell disease, Hb 7.8 g/dL, hydroxyurea 1,000 mg daily. Mother [[NAME:Keisha]] asks about crizanlizumab. His hematologist is Dr. [[NAME:Feldman]]. Next appointment [[DATE:June 3, 2024]] at 2:30 PM.`,
  },
  {
    id: 'id-44',
    topic: 'care home phone call',
    marked: `Spoke to Mrs [[NAME:B]]'s daughter on [[PHONE:07700 900 771]]. Mrs [[NAME:B]] remains on the end-of-life pathway; morphine sulfate 2.5 mg SC PRN, midazolam 2.5 mg SC PRN. Anticipatory meds in place.`,
  },
  {
    id: 'id-45',
    topic: 'rural US mail address',
    marked: `Please post the spirometry results to [[ADDRESS:P.O. Box 1423, Helena, MT 59624]]. [[NAME:Wade Sorensen]] has no broadband. FEV1/FVC 0.62, FEV1 71% predicted. Started tiotropium 18 mcg daily.`,
  },
  {
    id: 'id-46',
    topic: 'leg ulcer photos',
    marked: `[[NAME:Rhys Morgan]] sent photos of his leg ulcer from [[EMAIL:rhys_m_1962@btinternet.com]]; the link he sent was [[URL:http://81.2.69.160/uploads/ulcer1.jpg]]. ABPI 0.9, compression class 2. Swab grew Pseudomonas.`,
  },
  {
    id: 'id-47',
    topic: 'breast cancer, Scotland',
    marked: `The family set up [[URL:www.caringbridge.org/visit/fionamcdonald]] for updates on [[NAME:Fiona McDonald]] (metastatic breast cancer, on letrozole 2.5 mg and palbociclib 125 mg). She lives in [[ADDRESS:Oban]].`,
  },
  {
    id: 'id-48',
    topic: 'home blood pressure monitoring',
    marked: `The home BP monitor syncs from [[IP:fe80::1ff:fe23:4567:890a]]; readings average 152/94 at 07:45 and 21:30. [[NAME:Ian Stewart]] asked if that is OK on losartan 50 mg.`,
  },
  {
    id: 'id-49',
    topic: 'audit data extract',
    marked: `For the audit, the export from the practice system came from server [[IP:10.24.3.118]] and included free text naming [[NAME:Mohammed Hussain]]. Records from 2019 to 2023 only. 412 patients with AF, 61% on a DOAC.`,
  },
  {
    id: 'id-50',
    topic: 'telehealth kiosk',
    marked: `The telehealth kiosk at the spoke clinic ([[IP:172.16.254.1]]) crashed during the teleECHO session. The patient, Mr [[NAME:Ahmed]], was presented by phone instead. BP 150/90, HbA1c 64.`,
  },
  {
    id: 'id-51',
    topic: 'information governance, email',
    marked: `Please don't email case notes from personal accounts. [[NAME:Sinéad Ryan]] sent Mr [[NAME:Kelly]]'s discharge letter from [[EMAIL:sineadryan_88@hotmail.com]] to [[EMAIL:echo.hub@nhs.net]] on [[DATE:11/04/2024]].`,
  },
  {
    id: 'id-52',
    topic: 'febrile seizure video',
    marked: `Mum filmed the episode: [[URL:https://youtu.be/x7Qp2LmN9aB]]. [[NAME:Lily-Rose]] (4) had a 3-minute generalised seizure with fever 39.2; buccal midazolam 5 mg given.`,
  },
  {
    id: 'id-53',
    topic: 'domestic abuse',
    marked: `Her ex-partner keeps posting about her on [[URL:facebook.com/darren.mcgrath.5]]; DASH risk 16 (high). MARAC referral sent [[DATE:28/02/2024]]. She and the children moved to a refuge in [[ADDRESS:Sligo]].`,
  },
  {
    id: 'id-54',
    topic: 'eating disorder, adolescent',
    marked: `[[NAME:Zara Ahmed]] (14) follows pro-ana accounts, e.g. [[URL:https://www.tiktok.com/@thinspo_zara?lang=en]]. BMI 15.8, HR 44 lying, postural drop 20. MEED guidance followed. Mum's email [[EMAIL:S.Ahmed@gmail.com]].`,
  },
  {
    id: 'id-55',
    topic: 'information governance incident',
    marked: `Information governance incident [[ID:IG-2024-117]]: a spoke laptop ([[IP:86.41.12.7]]) emailed a case form with the patient's name, [[NAME:Olive Greer]], to an external address. The second attempt came from [[IP:2001:db8:85a3::8a2e:370:7334]]. Both were blocked by the gateway at 10:42.`,
  },
  {
    id: 'id-56',
    topic: 'home haemodialysis',
    marked: `The home dialysis machine (serial [[ID:NX-220-88417]]) reports to [[IP:203.0.113.54]] every 15 minutes; [[NAME:Peter Nolan]]'s last session was 4 hours, UF 2.1 L, Kt/V 1.3.`,
  },
  {
    id: 'id-57',
    topic: 'video call logs',
    marked: `Zoom logs for Ms [[NAME:Byrne]]'s consultation show joins from [[IP:89.100.23.201]] and [[IP:2a01:4b00:8e1c:7f00::3]]. She has fibromyalgia; duloxetine 60 mg, pregabalin stopped.`,
  },
  {
    id: 'id-58',
    topic: 'learning disability annual check',
    marked: `Annual health check for [[NAME:Connor Reilly]] (learning disability, epilepsy). Supported living manager [[NAME:Joanne Ellis]], [[EMAIL:joanne.ellis@brightpathcare.co.uk]], [[PHONE:0113 496 0911]]. Sodium valproate 800 mg BD; weight 96 kg.`,
  },
  {
    id: 'id-59',
    topic: 'post-COVID, US',
    marked: `[[NAME:Sandra Kim]] (acct # [[ID:4471-9920-31]]) reports long COVID since [[DATE:December 2021]]: fatigue, PEM, POTS (HR rise 38 on stand test). Email [[EMAIL:skim.longhaul@protonmail.com]]. Started ivabradine 2.5 mg BD.`,
  },
  {
    id: 'id-60',
    topic: 'immigration and TB',
    marked: `[[NAME:Thandiwe Dlamini]] arrived from South Africa in 2021 and is being treated for pulmonary TB (RHZE, weight-banded). Passport number [[ID:A07621834]]. Lives with her cousin at [[ADDRESS:Flat 2B, 9 Station Road, Luton LU2 7BQ]].`,
  },
  {
    id: 'id-61',
    topic: 'MS relapse, letter style',
    marked: `Dear Dr [[NAME:Henderson]],\nRe: [[NAME:Claire Fitzpatrick]], DOB [[DATE:30-06-1985]], NHS [[ID:943 191 1477]]\nThank you for referring this lady with relapsing-remitting MS. EDSS 3.5 after the relapse in [[DATE:May 2024]]; started ocrelizumab. Please continue vitamin D 1,000 units daily.`,
  },
  {
    id: 'id-62',
    topic: 'centenarian',
    marked: `[[NAME:Violet Pearson]] celebrated her [[AGE:100th birthday]] last month and remains independent with a frame. [[AGE:Age 100]], lives with her son. Heart failure well controlled on furosemide 20 mg.`,
  },
  {
    id: 'id-63',
    topic: 'birth year implying age',
    marked: `Mr [[NAME:Arthur Dobbs]] (born in [[DATE:1929]]) is housebound. He lives at [[ADDRESS:27 Mill Lane, Ashbourne DE6 1AJ]]. Catheter changed every 12 weeks.`,
  },
  {
    id: 'id-64',
    topic: 'NHS numbers in a list',
    marked: `Patients for the virtual ward today: [[ID:485 674 3848]], [[ID:401 479 7791]] and [[ID:4502690643]]. All are on the heart failure pathway with NT-proBNP above 2,000 ng/L.`,
  },
  {
    id: 'id-65',
    topic: 'substance use, Irish names',
    marked: `[[NAME:Ciarán Walsh]] attends the methadone clinic (60 mg daily). His partner [[NAME:Róisín]] is pregnant, 20 weeks. They were evicted from [[ADDRESS:Fatima Mansions]] and are staying with her mother, [[NAME:Bernadette Kelly]], in [[ADDRESS:Drogheda]]. Mobile [[PHONE:087 765 4321]].`,
  },
  {
    id: 'id-66',
    topic: 'diabetic foot, US',
    marked: `Podiatry note, [[DATE:11/14/23]]: [[NAME:Luis Hernandez]] (MRN [[ID:7730152]]) has a neuropathic ulcer under the 1st MTH, probe-to-bone negative, ABI 1.1. Offloading boot. Wife [[NAME:Ana]] does the dressings. Lives in [[ADDRESS:Yuma]].`,
  },
  {
    id: 'id-67',
    topic: 'general practice referral, named staff',
    marked: `Seen with the practice nurse, Sister [[NAME:Murphy]], and the HCA. [[NAME:Joan]] (her sister, not the nurse) brought her in. BP 128/76, pulse 84 irregular. ECG: AF. Started edoxaban 60 mg OD.\nSigned: Dr [[NAME:Emma Whitfield]]`,
  },
  {
    id: 'id-68',
    topic: 'alcohol liver disease',
    marked: `Mr [[NAME:Thomas Keane]], bar manager at [[NAME:The Anchor Inn]], [[ADDRESS:Kinsale]]. Alcohol-related liver disease, Child-Pugh B, MELD 14. Drinks 90 units a week. Admitted [[DATE:Sun 7 Jan]] with variceal bleed. Hospital no. [[ID:H0042881]].`,
  },
  {
    id: 'id-69',
    topic: 'mental health act, England',
    marked: `Detained under Section 2 on [[DATE:2 October 2023]]. [[NAME:Abdul Rahman]], 32, from [[ADDRESS:Bradford]]. Nearest relative: his father, Mr [[NAME:Yusuf Rahman]], [[PHONE:01274 496083]]. Olanzapine 15 mg nocte, lorazepam 1 mg PRN.`,
  },
  {
    id: 'id-70',
    topic: 'paediatric developmental, named family',
    marked: `[[NAME:Harry Bennett]] is 3 and has no words yet. ASD assessment waiting list is 18 months. Mum [[NAME:Sophie Bennett]] works at [[NAME:Nando's]] and Dad works away. Referral letter dated [[DATE:4th March 2024]].`,
  },
];

/**
 * Identifier-free notes: the clinical numbers, words and names that a naive scanner confuses with
 * identifiers (doses, lab values, scores, years, durations, UK shorthand, eponyms, drugs, services).
 */
export const cleanNotes: CorpusNote[] = [
  {
    id: 'clean-01',
    topic: 'diabetes',
    marked: `Metformin 500 mg twice daily was increased to 1 g BD in 2021. HbA1c 58 mmol/mol, down from 71 in 2019. eGFR 45 mL/min/1.73m2, ACR 12 mg/mmol. Empagliflozin 10 mg added; review in 3 months.`,
  },
  {
    id: 'clean-02',
    topic: 'depression',
    marked: `Sertraline 50mg started 6 weeks ago; PHQ-9 fell from 18 to 11 and GAD-7 from 15 to 9. No suicidal ideation. Sleep improved. Plan: continue for at least 6 months after remission.`,
  },
  {
    id: 'clean-03',
    topic: 'anaemia and hypertension',
    marked: `BP 142/88 on amlodipine 5 mg. Hb 11.2 g/dL, MCV 78, ferritin 9 µg/L. K+ 4.1, Na 136, urea 7.2, creatinine 98. Started ferrous fumarate 210 mg once daily.`,
  },
  {
    id: 'clean-04',
    topic: "Parkinson's",
    marked: `A 67-year-old woman with Parkinson's disease diagnosed in 2019, now Hoehn and Yahr stage 2. On co-beneldopa 62.5 mg TDS and rasagiline 1 mg. Falls twice in the past 3 months. Lying/standing BP 138/82 then 112/70.`,
  },
  {
    id: 'clean-05',
    topic: "Crohn's",
    marked: `Crohn's disease since 2015, on adalimumab 40 mg every 2 weeks. Faecal calprotectin 420 µg/g. CRP 24. Considering ustekinumab. Smoker, 10 a day.`,
  },
  {
    id: 'clean-06',
    topic: "Alzheimer's",
    marked: `Alzheimer's disease, MMSE 24/30, on donepezil 5 mg increasing to 10 mg after 4 weeks. Carer strain is high. Memory Clinic follow-up in 6 months; Admiral Nurse involved.`,
  },
  {
    id: 'clean-07',
    topic: 'Down syndrome',
    marked: `Down syndrome with hypothyroidism; TSH 6.2 mU/L on levothyroxine 75 micrograms. Aged 45, lives in supported accommodation. Annual health check due. Screen for early-onset dementia.`,
  },
  {
    id: 'clean-08',
    topic: 'COPD',
    marked: `COPD GOLD 2, FEV1 62% predicted, mMRC 2, CAT 18. Two exacerbations in 2023. Trelegy Ellipta one puff daily. Pulmonary Rehabilitation course of 6 weeks completed. SpO2 94% on air.`,
  },
  {
    id: 'clean-09',
    topic: 'social prescribing',
    marked: `Social Prescribing link worker and the Community Mental Health Team met on Tuesday to agree a plan. Weekly walking group, benefits advice and a Men's Shed referral. Review at the next teleECHO session.`,
  },
  {
    id: 'clean-10',
    topic: 'insulin titration',
    marked: `Hub team recommendation: increase insulin glargine by 2 units every 3 days until fasting glucose is 5–7 mmol/L. Spoke clinicians to share CGM data. Hypo treatment: 15–20 g fast-acting carbohydrate.`,
  },
  {
    id: 'clean-11',
    topic: 'sepsis',
    marked: `NEWS2 5 on arrival to ED: RR 24, SpO2 91%, HR 112, temp 38.6, BP 104/62. Sepsis Six completed within 1 hour. Lactate 3.1. Piperacillin–tazobactam 4.5 g IV TDS.`,
  },
  {
    id: 'clean-12',
    topic: 'cardiovascular risk',
    marked: `BMI 31.4, waist 104 cm. QRISK3 18%. Atorvastatin 20 mg offered. Total cholesterol 6.1, LDL 3.9, HDL 1.1. Lifestyle advice; Tier 3 weight management referral.`,
  },
  {
    id: 'clean-13',
    topic: 'UTI, UK shorthand',
    marked: `3/7 history of dysuria and frequency. Urine dip: nitrites positive, leucocytes 2+. Nitrofurantoin 100 mg MR BD for 3 days. Safety-netted; review in 1/52 if not settled. VA 6/6 right, 6/12 left at last optician visit.`,
  },
  {
    id: 'clean-14',
    topic: 'late effects of Hodgkin',
    marked: `Hodgkin lymphoma in 2008, treated with ABVD x6 cycles and mediastinal radiotherapy. Now 52 with breathlessness; echo shows LVEF 45%. Started ramipril 1.25 mg and bisoprolol 1.25 mg.`,
  },
  {
    id: 'clean-15',
    topic: 'anticoagulation dosing',
    marked: `GP asks about apixaban 5 mg BD versus 2.5 mg BD: age 81, weight 58 kg, creatinine 128 µmol/L. Only one of three dose-reduction criteria met, so full dose. CHA2DS2-VASc 4, HAS-BLED 2.`,
  },
  {
    id: 'clean-16',
    topic: 'bronchiolitis',
    marked: `Eight-month-old, weight 7.1 kg (9th centile), bronchiolitis day 4. Feeding 50% of usual. Saturations 93% in air. Nasal cannula oxygen 1 L/min. Parents anxious; discharge criteria explained.`,
  },
  {
    id: 'clean-17',
    topic: 'bipolar disorder',
    marked: `Bipolar affective disorder since 2004, lithium 800 mg nocte, level 0.7 mmol/L. Thyroid and renal function checked every 6 months. Last admission 2016. Mood stable for 7 years.`,
  },
  {
    id: 'clean-18',
    topic: 'epilepsy',
    marked: `Epilepsy: 3 seizures a month despite lamotrigine 200 mg BD. Adding levetiracetam 250 mg BD, titrating by 250 mg every 2 weeks. Seizure diary kept on the Epilepsy Action app.`,
  },
  {
    id: 'clean-19',
    topic: 'endocrine eponyms',
    marked: `Differential includes Cushing's syndrome, Addison's disease and Graves' disease. Short Synacthen test and 24-hour urinary free cortisol requested. Thyroid peroxidase antibodies negative.`,
  },
  {
    id: 'clean-20',
    topic: 'rheumatology eponyms',
    marked: `Bell's palsy in 2020 resolved with prednisolone. Now Raynaud's phenomenon and possible Sjögren's syndrome; Schirmer's test 4 mm. Anti-Ro positive. Hydroxychloroquine 200 mg daily.`,
  },
  {
    id: 'clean-21',
    topic: 'liver eponyms',
    marked: `Wilson's disease excluded (caeruloplasmin normal). Gilbert's syndrome likely: bilirubin 34, ALT 22, ALP 80. No further tests needed.`,
  },
  {
    id: 'clean-22',
    topic: 'Turner syndrome transition',
    marked: `Turner syndrome, 19, on estradiol 2 mg and growth complete. Bicuspid aortic valve under annual echo. Transition from paediatric to adult services in September.`,
  },
  {
    id: 'clean-23',
    topic: 'scales named after places and people',
    marked: `Glasgow Coma Scale 15. Edinburgh Postnatal Depression Scale 8. Barthel index 85/100. Waterlow score 12. Beck Depression Inventory not used.`,
  },
  {
    id: 'clean-24',
    topic: 'drug reactions',
    marked: `Stevens-Johnson syndrome after carbamazepine in 2012, so avoid aromatic anticonvulsants. HLA-B*15:02 not tested. Lewy body dementia suspected; avoid haloperidol.`,
  },
  {
    id: 'clean-25',
    topic: 'care package',
    marked: `She attends the day centre on Monday and Thursday. Home care four times a day. Occupational Therapy assessed the stairs and a second banister was fitted. District nurses dress the leg ulcer twice a week.`,
  },
  {
    id: 'clean-26',
    topic: 'DKA history',
    marked: `Presented to A&E twice in 2023 with DKA. ICU stay of 2 days in 2022. GP and diabetes specialist nurse now review monthly. Ketones 0.4 mmol/L today. Insulin 10 units with meals.`,
  },
  {
    id: 'clean-27',
    topic: 'type 2 diabetes, US',
    marked: `A 58-year-old man with T2DM, A1c 8.4%, on metformin 1000 mg BID and glipizide 5 mg daily. Urine microalbumin 45 mg/g. Add semaglutide 0.25 mg weekly for 4 weeks, then 0.5 mg. Follow-up in 3 months.`,
  },
  {
    id: 'clean-28',
    topic: 'anxiety and alcohol, US',
    marked: `PHQ-9 of 14, GAD-7 12, AUDIT 6. Trial of bupropion XL 150 mg. Sleep hygiene discussed. Attends AA meetings 3 times a week and has 2 years of sobriety.`,
  },
  {
    id: 'clean-29',
    topic: 'prostate cancer',
    marked: `Gleason 3+4=7 prostate cancer, PSA 8.2 ng/mL, T2N0M0. On active surveillance with MRI every 18 months. ICD-10 C61. NICE NG131 followed.`,
  },
  {
    id: 'clean-30',
    topic: 'gestational diabetes',
    marked: `Pregnant, G2P1, 28+3 weeks. OGTT fasting 5.8, 2-hour 8.1 mmol/L, so gestational diabetes. Metformin 500 mg OD. Aspirin 150 mg from 12 weeks. Growth scans every 4 weeks.`,
  },
  {
    id: 'clean-31',
    topic: 'audit age bands',
    marked: `Age bands in our audit: 18-29, 30-39, 40-49, 50-59, 60-69, 70-79, 80-89 and 90+. Median age 64. 212 patients in 2023, 245 in 2024.`,
  },
  {
    id: 'clean-32',
    topic: 'seasonal pattern',
    marked: `She is worse in March and in winter generally. Sessions run every second Wednesday. Flu vaccine in October; COVID booster in spring.`,
  },
  {
    id: 'clean-33',
    topic: 'drug names at sentence start',
    marked: `Apixaban was stopped. Sertraline continued. Metformin held during the AKI. Furosemide 40 mg IV BD then oral. Spironolactone 25 mg restarted once K+ below 5.0.`,
  },
  {
    id: 'clean-34',
    topic: 'vitamins and CKD',
    marked: `Vitamin D 25 nmol/L; colecalciferol 20,000 units weekly for 7 weeks. B12 180 ng/L, folate 3.1. Repeat bloods in 8–12 weeks. CKD stage 3a, eGFR 52.`,
  },
  {
    id: 'clean-35',
    topic: 'night-time hypos',
    marked: `Hypos at 03:00 most nights. Basal rate reduced by 10% from 02:00 to 06:00. Dexcom G7 alerts set at 4.4 mmol/L. Libre 2 previously. Review CGM data at 14 days.`,
  },
  {
    id: 'clean-36',
    topic: 'HIV',
    marked: `HIV diagnosed 2011, CD4 640, viral load <50 copies/mL on Biktarvy one tablet daily. Hepatitis B immune. Cervical screening due. U=U discussed.`,
  },
  {
    id: 'clean-37',
    topic: 'neurodevelopmental',
    marked: `Autism assessment: ADOS-2 module 3 completed; scores above threshold. ADHD Conners 3 elevated. EHCP in place since Year 4. Melatonin 2 mg for sleep onset.`,
  },
  {
    id: 'clean-38',
    topic: 'ECHO session',
    marked: `The Hub panel (psychiatry, pharmacy and lived experience) discussed the case. Spoke sites in three counties joined. teleECHO series: Perinatal Mental Health, session 7 of 12.`,
  },
  {
    id: 'clean-39',
    topic: 'hospital names',
    marked: `Transferred to the Royal Victoria Hospital for PCI; troponin 2,450 ng/L. Discharged on ticagrelor 90 mg BD and aspirin 75 mg for 12 months. Cardiac Rehab at St James's Hospital runs for 6 weeks.`,
  },
  {
    id: 'clean-40',
    topic: 'cognitive testing',
    marked: `Her Mini-Cog was 2/5 and the clock drawing abnormal. Addenbrooke's Cognitive Examination (ACE-III) 71/100. MRI: small vessel disease, Fazekas 2.`,
  },
  {
    id: 'clean-41',
    topic: 'capitalised ordinary words',
    marked: `Will review in 2 weeks. Frank haematuria has resolved. May need cystoscopy if it recurs. Hope this helps the Spoke team. Grace period for the audit ends in June.`,
  },
  {
    id: 'clean-42',
    topic: 'heart failure titration',
    marked: `Bisoprolol up-titrated from 1.25 mg to 5 mg over 8 weeks. Dapagliflozin 10 mg added. NT-proBNP 1,850 ng/L, LVEF 35%. NYHA class II. Weight 82.4 kg.`,
  },
  {
    id: 'clean-43',
    topic: 'paediatric growth',
    marked: `Height 132.5 cm (25th centile), weight 27 kg (50th). Bone age 9 years at chronological age 10 years 4 months. Tanner stage 1. Recheck in 6 months.`,
  },
  {
    id: 'clean-44',
    topic: 'smoking cessation',
    marked: `Smokes 20 a day for 30 years (30 pack-years). CO reading 18 ppm. Varenicline 0.5 mg OD for 3 days, then BD, then 1 mg BD from day 8. Quit date set with the Stop Smoking Service.`,
  },
];

export const corpus: CorpusNote[] = [...identifierNotes, ...cleanNotes];
