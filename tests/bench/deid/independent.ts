/**
 * The independent evaluation set: notes written WITHOUT reading the detector's rules or its lexicons,
 * in the way staff of the programmes this hub serves write (case summaries for a teleECHO session,
 * hurried lower-case notes typed between visits, peer-support posts, letters pasted from the record),
 * across the UK, Ireland and the US. It is never tuned on: it measures how the scanner does on text it
 * was not written against. Same markup and annotation conventions as `corpus.ts`; every person,
 * address and number is invented (NHS and H&C numbers with valid check digits, phone numbers in
 * Ofcom's drama ranges, National Insurance numbers with the QQ sample prefix).
 *
 * Kept beside the detector's own corpus, with its own false-positive traps (clinical values, scores,
 * doses, durations, codes, services and hospitals named as places of care).
 */
import type { CorpusNote } from './corpus';

export const independentCorpus: CorpusNote[] = [
  // ---- hurried lower-case notes ----------------------------------------------------------------
  {
    id: 'ind-01',
    topic: 'district nursing, lower case',
    marked:
      'hv today, [[NAME:mary]] was in the chair, son [[NAME:declan]] there. leg ulcer L calf smaller, redressed. bp 138/84. next visit thurs [[DATE:12/6]]',
  },
  {
    id: 'ind-02',
    topic: 'gp triage, lower case',
    marked:
      'tc from daughter ([[NAME:siobhan]]) re mum, sob 3/7, worse at night, no cp. lives alone in [[ADDRESS:ballymena]]. advised 999 if worse, f2f tomorrow',
  },
  {
    id: 'ind-03',
    topic: 'community mental health, lower case',
    marked:
      'seen at home [[ADDRESS:14 heol y parc, llanelli]]. mood low, phq9 19, sleeping 4h. wife [[NAME:rhiannon]] worried. plan: increase sertraline to 100mg, review 2/52',
  },
  {
    id: 'ind-04',
    topic: 'care home review, lower case',
    marked:
      'pt [[NAME:eileen o connor]] [[AGE:ninety three]] yrs, fall x2 this month. no #. mobilising with frame. gp dr [[NAME:byrne]] aware. family in [[ADDRESS:enniscorthy]].',
  },
  {
    id: 'ind-05',
    topic: 'pharmacy note, lower case',
    marked:
      'nomad pack issue, [[NAME:tadhg]] says missed doses tues + wed. ph [[PHONE:07700 900418]]. wife collects from boots on main st.',
  },
  {
    id: 'ind-06',
    topic: 'ot visit, lower case',
    marked:
      'ot hv [[DATE:last wednesday 10/7]]. stairlift fitted. lives [[ADDRESS:flat 2, 9 castle st, caernarfon]]. carer [[NAME:gwen]] comes am/pm.',
  },
  {
    id: 'ind-07',
    topic: 'handover, lower case',
    marked:
      'bed 12 - [[NAME:murphy]], 78M, copd exac, on 2l o2 sats 92%. nok [[NAME:brid]] ([[PHONE:087 555 0142]]). for ward round [[DATE:on the 15th]] re step down.',
  },
  {
    id: 'ind-08',
    topic: 'social prescribing, lower case',
    marked:
      "link worker call. [[NAME:dafydd]] isolated since wife died, likes choirs. referred to men's shed in [[ADDRESS:machynlleth]]. follow up [[DATE:3rd of june]]",
  },
  {
    id: 'ind-09',
    topic: 'diabetes review, lower case',
    marked:
      'hba1c 71 (was 64), egfr 52, bmi 33.1. on metformin 1g bd + gliclazide 80mg. discussed libre. works nights at [[NAME:moy park]] so meals erratic.',
  },
  {
    id: 'ind-10',
    topic: 'palliative, lower case',
    marked:
      'jit meds in house. [[NAME:caoimhe]] (daughter, nurse) happy to give sc. pt wants to die at home in [[ADDRESS:clonakilty]]. dnacpr signed [[DATE:1/3]].',
  },

  // ---- labels in front of numbers ------------------------------------------------------------------
  {
    id: 'ind-11',
    topic: 'letter header',
    marked:
      'Re: [[NAME:KELLY, Aoife]]   MR# [[ID:00482913]]   Clinic: Rheumatology. Thank you for seeing this lady with inflammatory arthritis, CRP 48.',
  },
  {
    id: 'ind-12',
    topic: 'radiology request',
    marked: 'CT thorax, accession [[ID:RAD-22-0914471]]. H/No. [[ID:7731920]]. Query PE, Wells score 4.5, D-dimer 1.9.',
  },
  {
    id: 'ind-13',
    topic: 'prison healthcare',
    marked: 'Seen on wing C. Prison no. [[ID:A4417BC]]. Methadone 60 ml daily, last urine screen negative for opiates.',
  },
  {
    id: 'ind-14',
    topic: 'NI number on a benefits form',
    marked:
      'Helped him with the PIP form; his NI number is [[ID:QQ 12 34 56 C]] and the claim reference [[ID:PIP-88213-K]].',
  },
  {
    id: 'ind-15',
    topic: 'hospital number, lower case',
    marked: 'hosp no [[ID:k449103]], nhs [[ID:628 194 8211]]. admitted via ed with sepsis, lactate 4.1, qsofa 2.',
  },
  {
    id: 'ind-16',
    topic: 'GP practice code',
    marked:
      'Registered with practice [[ID:Y02906]] in [[ADDRESS:Strabane]]. H&C [[ID:329 190 7485]]. Referred to memory clinic, MoCA 21/30.',
  },
  {
    id: 'ind-17',
    topic: 'MRN in a US note',
    marked:
      'MRN: [[ID:3019447]]. [[AGE:94]] y/o F from [[ADDRESS:Albuquerque 87106]] admitted with CHF exacerbation, BNP 1840, EF 30%.',
  },
  {
    id: 'ind-18',
    topic: 'CHI number',
    marked: 'CHI [[ID:0101651234]]. Seen in [[ADDRESS:Fort William]] clinic, spirometry FEV1 62% predicted.',
  },

  // ---- SURNAME, Given and names with accents or Irish/Welsh spelling -----------------------------------
  {
    id: 'ind-19',
    topic: 'list of patients',
    marked:
      'Case list: 1. [[NAME:Ó CEALLAIGH, Seán]] – falls; 2. [[NAME:NÍ BHRIAIN, Eilís]] – wound; 3. [[NAME:AP RHYS, Gwenllian]] – frailty.',
  },
  {
    id: 'ind-20',
    topic: 'referral',
    marked:
      'Referred by Dr [[NAME:Siân Prydderch]] for [[NAME:Bronwen Llewelyn-Jones]], who lives with her sister in [[ADDRESS:Pwllheli]].',
  },
  {
    id: 'ind-21',
    topic: 'peer support post',
    marked:
      'Does anyone know a dementia café near [[ADDRESS:Letterkenny]]? One of my service users, [[NAME:Pádraig]], would love to go with his wife [[NAME:Máire]].',
  },
  {
    id: 'ind-22',
    topic: 'given name alone',
    marked: "Spoke with [[NAME:Niamh]] today about her son's ADHD assessment; waiting list 18 months.",
  },
  {
    id: 'ind-23',
    topic: 'surname first with initial',
    marked: 'Pt: [[NAME:DOHERTY, M.]]  DOB: [[DATE:14.02.1947]]  Ward 5B. Post-op day 2, right TKR, pain 3/10.',
  },

  // ---- dates without a year and other date forms ------------------------------------------------
  {
    id: 'ind-24',
    topic: 'appointment dates',
    marked:
      'Next reviews booked for [[DATE:Tues 4th]] and [[DATE:the 18th]]; bloods taken [[DATE:12/11]] showed Hb 98, ferritin 9.',
  },
  {
    id: 'ind-25',
    topic: 'admission dates',
    marked:
      'Admitted [[DATE:21st March]], discharged [[DATE:2 April]]. Seen again [[DATE:on 9/4]] with a UTI, nitrites +ve.',
  },
  {
    id: 'ind-26',
    topic: 'date of birth in words',
    marked: 'Her date of birth is [[DATE:the third of January 1938]]; she was born in [[ADDRESS:Ballyhaunis]].',
  },
  {
    id: 'ind-27',
    topic: 'US date style',
    marked:
      'Seen [[DATE:11/28]] at the clinic in [[ADDRESS:Santa Fe, NM 87505]]; A1c 9.2, started on basal insulin 10 units.',
  },

  // ---- ages over 89 ------------------------------------------------------------------------------
  {
    id: 'ind-28',
    topic: 'ages in words',
    marked:
      'A [[AGE:ninety-two-year-old]] gentleman living with his daughter; his mother lived to [[AGE:one hundred and one]].',
  },
  {
    id: 'ind-29',
    topic: 'age of a relative',
    marked: "She cares for her husband, [[AGE:91]], who has Parkinson's; she is 84 herself and has had two falls.",
  },
  {
    id: 'ind-30',
    topic: 'age in a sentence',
    marked: 'He is [[AGE:aged ninety-six]] and still drives to [[ADDRESS:Aberystwyth]] every week.',
  },

  // ---- places: Welsh, Irish, counties, postcodes, Eircodes, ZIP codes --------------------------------
  {
    id: 'ind-31',
    topic: 'Eircode',
    marked: 'Address on file: [[ADDRESS:Apt 4, Marine Court, Dún Laoghaire, Co. Dublin A96 R8C4]].',
  },
  {
    id: 'ind-32',
    topic: 'Eircode alone',
    marked: 'Eircode [[ADDRESS:T12 XK27]]; the ambulance could not find the house at first.',
  },
  {
    id: 'ind-33',
    topic: 'postcode district',
    marked: 'Lives in [[ADDRESS:BT47]], near the bridge, with poor bus links to the hospital.',
  },
  {
    id: 'ind-34',
    topic: 'county and townland',
    marked:
      "Farm in the townland of [[ADDRESS:Drumkeeran]], [[ADDRESS:Co. Leitrim]]; works with cattle, farmer's lung suspected.",
  },
  {
    id: 'ind-35',
    topic: 'Welsh town in a sentence',
    marked: 'We run the group from the library in [[ADDRESS:Ystradgynlais]] on Thursdays.',
  },
  {
    id: 'ind-36',
    topic: 'ZIP after a town',
    marked: 'Mailing address [[ADDRESS:212 Elm St, Gallup 87301]]. Phone [[PHONE:(505) 555-0187]].',
  },
  {
    id: 'ind-37',
    topic: 'street line in fragments',
    marked: "house at [[ADDRESS:27 Glen Rd]] then moved to her son's in [[ADDRESS:Newry]] after the flood",
  },
  {
    id: 'ind-38',
    topic: 'UK postcode',
    marked: 'Home address: [[ADDRESS:3 Maes y Dre, Blaenau Ffestiniog LL41 3AB]].',
  },

  // ---- contact details and online -------------------------------------------------------------------------
  {
    id: 'ind-39',
    topic: 'contacts in a post',
    marked:
      'Email me at [[EMAIL:ciara.quinn@examplehealth.ie]] or ring [[PHONE:028 9649 6021]]; the leaflet is at [[URL:https://carersni.example.org/leaflet]].',
  },
  {
    id: 'ind-40',
    topic: 'device and IP',
    marked: 'Telehealth hub serial [[ID:TH-5531-0098]] last synced from [[IP:192.0.2.44]].',
  },

  // ---- employers ---------------------------------------------------------------------------------------
  {
    id: 'ind-41',
    topic: 'employer',
    marked:
      'Works as a picker at [[NAME:Amazon]] in [[ADDRESS:Swansea]], twelve-hour shifts, back pain worse on nights.',
  },
  {
    id: 'ind-42',
    topic: 'employer lower case',
    marked: 'was a welder at [[NAME:harland and wolff]] for 30 yrs, asbestos exposure, pleural plaques on ct',
  },

  // ---- pasted with odd characters -----------------------------------------------------------------
  {
    id: 'ind-43',
    topic: 'NHS number pasted with no-break spaces',
    marked: 'NHS No: [[ID:937\u00a0865\u00a07974]]. Seen with daughter [[NAME:Lowri]].',
  },
  {
    id: 'ind-44',
    topic: 'mixed record extract',
    marked:
      'Name: [[NAME:Conor McAleese]]\nDOB: [[DATE:02/09/1955]]\nAddress: [[ADDRESS:11 Church View, Armagh BT61 7QX]]\nTel: [[PHONE:07700 900733]]\nNHS: [[ID:543 231 9489]]',
  },
  {
    id: 'ind-45',
    topic: 'case presentation summary',
    marked:
      'Mrs [[NAME:Jones]] is a [[AGE:90]]-year-old retired teacher from [[ADDRESS:Bangor]] with vascular dementia; her son [[NAME:Huw]] visits daily.',
  },

  // ---- identifier-free notes: clinical values, codes and services that must not be flagged -----------------
  {
    id: 'ind-46',
    topic: 'clinical values',
    marked:
      'bp 142/88, hr 96 irreg, sats 94% ra, rr 22, temp 37.9. ecg af with rvr. chads2vasc 4, hasbled 2. started apixaban 5mg bd.',
  },
  {
    id: 'ind-47',
    topic: 'durations and fractions',
    marked: 'cough 3/7, fever 2/7, off food 1/52. gcs 14/15. power 4/5 left arm. pain 7/10. fu 6/52 in clinic.',
  },
  {
    id: 'ind-48',
    topic: 'lab codes',
    marked:
      'cd4 350, viral load <50. inr 2.4 on warfarin. tsh 6.1, ft4 11. vit d 23 nmol/l, b12 180. egfr 38 (ckd g3b).',
  },
  {
    id: 'ind-49',
    topic: 'scales and grades',
    marked:
      'NYHA class II, ECOG 1, Rockwood CFS 6, Waterlow 18, MUST 2, grade 3 pressure ulcer sacrum, Braden 13. ICD-10 L89.3.',
  },
  {
    id: 'ind-50',
    topic: 'doses',
    marked:
      'Morphine MR 10 mg bd, oramorph 2.5-5 mg prn up to 4-hourly, levomepromazine 6.25 mg sc. Syringe driver over 24 h.',
  },
  {
    id: 'ind-51',
    topic: 'spine levels and anatomy',
    marked: 'MRI: L4/5 disc prolapse compressing the L5 root, C5-6 spondylosis, T12 wedge fracture old.',
  },
  {
    id: 'ind-52',
    topic: 'services and hospitals',
    marked:
      'Referred to the Royal Victoria Hospital falls service and the community respiratory team; the hospice at home team will visit.',
  },
  {
    id: 'ind-53',
    topic: 'eponyms and drugs',
    marked:
      "Parkinson's disease, on co-careldopa; Addison's ruled out. Hodgkin lymphoma in remission. Wells score 2, Glasgow-Blatchford 6.",
  },
  {
    id: 'ind-54',
    topic: 'programme post without identifiers',
    marked:
      'Great session last week on social prescribing. We counted 1,300 learning experiences across the partners this year; the target was 1,020.',
  },
  {
    id: 'ind-55',
    topic: 'obstetric values',
    marked: 'g3p2, 34+2 weeks, sfh 33 cm, fhr 140, bp 150/95, urine prot ++. apgar 9 and 10 for the last baby.',
  },
  {
    id: 'ind-56',
    topic: 'times and quantities',
    marked:
      'Takes 2 puffs at 08:00 and 20:00, walks 400 m, drinks 14 units a week, smoked 20/day for 40 years (40 pack-years).',
  },
  {
    id: 'ind-57',
    topic: 'ages under 90',
    marked: 'A 74-year-old man and his 81-year-old wife; both aged over 65, so both eligible for the flu vaccine.',
  },
  {
    id: 'ind-58',
    topic: 'years alone and months alone',
    marked: 'Diagnosed in 2019, worse since March, stable through the winter of 2022. Review in the spring.',
  },
  {
    id: 'ind-59',
    topic: 'lower-case clinical shorthand',
    marked:
      'pmh: t2dm, htn, ihd (stent 2015), ckd 3a. dh: ramipril 5mg od, atorva 40mg on. sh: ex-smoker, lives w wife.',
  },
  {
    id: 'ind-60',
    topic: 'wound measurements',
    marked: 'wound 4.2 x 3.1 cm, depth 0.5 cm, 60% slough, moderate exudate. abpi 0.9 both legs. ward 7 bed 3.',
  },
];
