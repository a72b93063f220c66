/**
 * Independent batch C: 40 notes written on 2026-12-07 at about 23:45 UTC by the engineer working on issue
 * #18, right after batch B (`unseen.ts`) was committed and scored, and still BEFORE the detector's source
 * (libs/deid/src) was opened. Batch B is then used to tune the detector (its misses were read), so batch
 * B stops being unseen; batch C is held out: its notes are not read again while tuning and its misses are
 * looked at only once, for the final report. Its before/after figures are the honest "unseen" ones:
 * recall 80.5% → 89.4%, precision 97.8% → 97.1% (its misses were first read at about 00:12 UTC on
 * 2026-12-08; the changes after that, for precision on the hub's own texts and for speed, left both
 * figures as they were). On 2026-12-08 from about 03:30 UTC, after batch D (`unseen-d.ts`) was written and
 * committed, batch C's misses were read to tune the detector (recall 89.4% → 100%), so C stopped being held
 * out; batch D took its place.
 *
 * Same markup and conventions as `corpus.ts`; everything invented (NHS and H&C numbers with valid check
 * digits generated at random, PPSNs with valid check letters, Ofcom drama-range and 555-01xx phone
 * numbers, documentation-range IP addresses, QQ-prefixed National Insurance numbers). Kept with its own
 * false-positive traps.
 */
import type { CorpusNote } from './corpus';

export const unseenCCorpus: CorpusNote[] = [
  {
    id: 'unc-01',
    topic: 'hurried GP note, England',
    marked:
      'f2f. [[NAME:terry walsh]] 71, 3/52 productive cough, ex-smoker 40py. crackles R base. cxr req. wife [[NAME:linda]] says hes lost weight. lives [[ADDRESS:5 mill lane, stockport sk4 3ah]]. tel [[PHONE:0161 496 0448]]',
  },
  {
    id: 'unc-02',
    topic: 'care home, Ireland, lower case',
    marked:
      'nh review st. brigids wing. [[NAME:kathleen fahy]] [[AGE:ninety-seven]], mrsa neg, weight 41kg (must 2). niece [[NAME:deirdre]] in [[ADDRESS:nenagh]] is nok, [[PHONE:087 555 3318]].',
  },
  {
    id: 'unc-03',
    topic: 'A&E letter, Wales',
    marked:
      'Dear Dr [[NAME:Pritchard]], I saw [[NAME:Owain Jenkins]] (DOB [[DATE:03/02/1985]], hosp no [[ID:W0983341]]) on [[DATE:30 November]] after an RTC on the A470 near [[ADDRESS:Merthyr Tydfil]]. Fractured L clavicle, sling 3/52. He works for [[NAME:Dŵr Cymru]].',
  },
  {
    id: 'unc-04',
    topic: 'US ED note',
    marked:
      'CC: chest pain. [[NAME:Jerome Whitaker]], 54M, MRN [[ID:10293847]]. Troponin 0.04 → 0.31. Cath lab activated 0212. Wife [[NAME:Denise]] at bedside, cell [[PHONE:(614) 555-0137]]. Home: [[ADDRESS:88 Linden Ave, Columbus, OH 43204]].',
  },
  {
    id: 'unc-05',
    topic: 'teleECHO case, hepatitis C',
    marked:
      'Case for Thursday: 38M, PWID, HCV genotype 3, viral load 2.1 million IU/mL, APRI 0.9, FibroScan 9.4 kPa. Staying at a hostel in [[ADDRESS:Limerick]]. Keyworker [[NAME:Fiachra]] at Ana Liffey Drug Project. Plan sofosbuvir/velpatasvir 12 weeks.',
  },
  {
    id: 'unc-06',
    topic: 'lower-case names and places',
    marked:
      'spoke to [[NAME:bernie]] from the day centre in [[ADDRESS:carrick-on-shannon]]. [[NAME:paddy joe]] not eating, wt down 4kg. ?depression vs dementia. moca 19/30. bring to memory clinic [[DATE:17th]].',
  },
  {
    id: 'unc-07',
    topic: 'discharge summary header',
    marked:
      'Name: [[NAME:ABERNETHY, Morag]]\nCHI: [[ID:2207451398]]\nAddress: [[ADDRESS:Flat 1/2, 44 Dumbarton Road, Glasgow G11 6PA]]\nAdmitted: [[DATE:21/11/2026]]  Discharged: [[DATE:29/11/2026]]\nDx: NSTEMI. Started ticagrelor 90 mg bd, atorvastatin 80 mg on.',
  },
  {
    id: 'unc-08',
    topic: 'pasted NHS number and DOB with odd spaces',
    marked:
      'NHS\u2007No\u2007[[ID:415\u2009642\u20097749]]  DOB\u00a0[[DATE:02\u00a0Aug\u00a01944]]  [[NAME:Leonard\u00a0Fisk]]\nHTN, AF on apixaban 5 mg bd, CHA2DS2-VASc 4.',
  },
  {
    id: 'unc-09',
    topic: 'spelled-out phone number',
    marked:
      'Son [[NAME:Adebayo]] asked we ring him on [[PHONE:oh seven seven double oh nine double oh three one four]] (written as he said it).',
  },
  {
    id: 'unc-10',
    topic: 'NI number and employer',
    marked:
      'ESA50 support letter. NINO [[ID:QQ 65 43 21 B]]. [[NAME:Kelly Marsh]], 41, fibromyalgia + depression, PHQ-9 18. Was a carer for [[NAME:Allied Healthcare]] until [[DATE:March 2024]].',
  },
  {
    id: 'unc-11',
    topic: 'Irish referral with PPSN and Eircode',
    marked:
      'Referral: [[NAME:Tomás Ó Conchúir]], PPSN [[ID:9064958K]], [[ADDRESS:Baile an Fheirtéaraigh, Co. Chiarraí V92 R2TX]]. Irish speaker. Query early-onset dementia, 62. Wife [[NAME:Neasa]].',
  },
  {
    id: 'unc-12',
    topic: 'ages for relatives',
    marked:
      'Lives with his mother who is [[AGE:ninety-two]] and his uncle ([[AGE:95]]). He is their only carer. Pt 68, COPD, LTOT 2 L for 16 h/day.',
  },
  {
    id: 'unc-13',
    topic: 'date shapes',
    marked:
      'Seen [[DATE:Wed 3rd Dec]]. Last period [[DATE:14/11]]. Surgery planned [[DATE:early January 2027]]? Plan review [[DATE:the 22nd]]. Symptoms for 5/7.',
  },
  {
    id: 'unc-14',
    topic: 'US note with ZIP and SSN',
    marked:
      'Social work: [[NAME:Maria Delgado]] lives in a trailer park outside [[ADDRESS:Yuma, AZ 85364]]. SSN last four [[ID:4471]] (per intake form). Daughter [[NAME:Yesenia]] works at [[NAME:Walmart]]. Needs help with Medicaid renewal.',
  },
  {
    id: 'unc-15',
    topic: 'email and portal link',
    marked:
      'Pt emailed from [[EMAIL:gerry.mcguinness54@gmail.com]] asking for results. Sent link to [[URL:https://patient.myhealthportal.example/records/88213]]. Advised not to use email for urgent issues.',
  },
  {
    id: 'unc-16',
    topic: 'H&C number, Northern Ireland',
    marked:
      'H+C no. [[ID:322 531 0174]]. [[NAME:Sammy Patterson]], [[ADDRESS:Ballyclare]]. Gout flares x4/yr, urate 520, start allopurinol 100 mg and titrate. Colchicine 500 mcg bd PRN.',
  },
  {
    id: 'unc-17',
    topic: 'police custody',
    marked:
      'FME custody assessment [[DATE:06/12]] 0310. Detained person [[NAME:Connor Tait]], custody ref [[ID:CU/4471/26]]. Alcohol withdrawal, CIWA 12. Mother [[NAME:Janice]] informed.',
  },
  {
    id: 'unc-18',
    topic: 'US rural, county',
    marked:
      'Lives on a farm in [[ADDRESS:Harlan County]], 45 min from nearest ED. Coal miner 30 yrs, CWP on CXR. Works part time at [[NAME:Food City]]. Wife [[NAME:Brenda Sue]].',
  },
  {
    id: 'unc-19',
    topic: 'phone list with extensions',
    marked:
      'Call back numbers: [[PHONE:028 9649 6021]] (home), [[PHONE:07700 900 917]] (mob). Irish line [[PHONE:01 555 2290]]. Practice is Ravenhill Medical Centre.',
  },
  {
    id: 'unc-20',
    topic: 'Welsh lower case',
    marked:
      'hv with [[NAME:nia]] (hca). [[NAME:mr elis]] [[AGE:ninety]] at [[ADDRESS:pen y bryn, bethesda]]. cellulitis L leg improving, fluclox d5/7. dtr [[NAME:sioned]] lives in [[ADDRESS:bangor]].',
  },
  {
    id: 'unc-21',
    topic: 'radiology accession and device',
    marked:
      'MRI brain [[DATE:1/12]]. Acc# [[ID:MR24-556120]]. Pacemaker serial [[ID:PJN771203H]] - MR conditional confirmed. [[NAME:Hilda Kerr]], no contraindications.',
  },
  {
    id: 'unc-22',
    topic: 'safeguarding',
    marked:
      'Safeguarding concern: [[NAME:Jayden]] (aged 4) brought by mum [[NAME:Kayleigh Price]]. Bruising to ears. Social worker Ms [[NAME:Okonkwo]] from Swansea Council informed, ref [[ID:SW-20931]].',
  },
  {
    id: 'unc-23',
    topic: 'peer support post',
    marked:
      "Had a rough one today - lost a lady I'd looked after for 6 years, Mrs [[NAME:Devlin]] from [[ADDRESS:Strabane]]. Her funeral is [[DATE:Saturday 13th]]. Anyone know if staff usually go?",
  },
  {
    id: 'unc-24',
    topic: 'fragments, US',
    marked:
      'pt: [[NAME:harold b.]]\nage: [[AGE:93]]\nzip: [[ADDRESS:28801]]\npcp: dr [[NAME:nguyen]]\nissue: falls x3, on 4 bp meds, orthostatic drop 30',
  },
  {
    id: 'unc-25',
    topic: 'IP and device in telehealth note',
    marked:
      "Remote monitoring hub [[IP:192.0.2.144]] stopped reporting. Patient [[NAME:Eunice Blake]]'s glucometer serial [[ID:GM-0045-7781]]. Last reading 14.2 mmol/L.",
  },
  {
    id: 'unc-26',
    topic: 'accents and hyphenated names',
    marked:
      'Seen with interpreter. [[NAME:José Luis Fernández-García]], 45. Wife [[NAME:Mª Carmen]]. Lives [[ADDRESS:Wexford]]. HbA1c 86, on gliclazide 160 mg bd.',
  },
  {
    id: 'unc-27',
    topic: 'street without number',
    marked:
      'Lives on [[ADDRESS:Tudor Street]] near the hospital, alone. Neighbour Mrs [[NAME:Tranter]] has key. Community alarm in place.',
  },
  {
    id: 'unc-28',
    topic: 'school and age',
    marked:
      'CAMHS: [[NAME:Ellie-Mae]] 14, self-harm, attends [[ADDRESS:Kingsmead Academy]]. Dad [[NAME:Stuart]] works shifts at [[NAME:Royal Mail]]. Sertraline 50 mg, CGAS 45.',
  },
  {
    id: 'unc-29',
    topic: 'NHS number spelled and mixed',
    marked:
      'Read over the phone: NHS [[ID:four five three, three four three, six double-oh five]] = [[ID:453 343 6005]]. Caller [[NAME:Gail]].',
  },
  {
    id: 'unc-30',
    topic: 'month and year dates',
    marked:
      'Diagnosed [[DATE:Oct 2021]]. Chemo completed [[DATE:05/2022]]. Relapse spring 2024? Palliative since [[DATE:August last year]]. Hodgkin lymphoma, ABVD x6.',
  },
  {
    id: 'unc-31',
    topic: 'Scottish towns lower case',
    marked:
      'from [[ADDRESS:kirkcaldy]], moved to sisters in [[ADDRESS:dunfermline]] after fall. sister [[NAME:jean]] 80. bp 110/60 lying, 86/50 standing.',
  },
  // ---- identifier-free: traps --------------------------------------------------------------------
  {
    id: 'unc-32',
    topic: 'clean: drug names and doses',
    marked:
      'Epilim 500 mg bd, Keppra 750 mg bd, Lamictal 100 mg. Levels: valproate 68. Sodium 129. Seizure-free 3/12. Driving: DVLA rules explained.',
  },
  {
    id: 'unc-33',
    topic: 'clean: eponyms',
    marked:
      "Hashimoto's thyroiditis, Raynaud's, Sjögren's. Previous Whipple's procedure. Homan's sign negative. Murphy's sign positive. Trendelenburg gait.",
  },
  {
    id: 'unc-34',
    topic: 'clean: scores and ratios',
    marked:
      'GCS 15/15, AMT 8/10, 4AT 2, CFS 5, Barthel 75/100, NIHSS 4, mRS 2, Epworth 14, STOP-BANG 5, Oxford 4/5 power L leg.',
  },
  {
    id: 'unc-35',
    topic: 'clean: lower-case words that could be names',
    marked:
      'pt will bring list of meds. may need dose change. jack up the dose of oxycodone? no - frank discussion re risks. sue the ward for missing notes said son (joke). rob of sleep by pain.',
  },
  {
    id: 'unc-36',
    topic: 'clean: towns that are common words',
    marked:
      'Sale of shares stressing pt. March appointments full. Deal with constipation first: laxido 2 sachets. Wells criteria low. Street drugs denied. Bath once a week with carers.',
  },
  {
    id: 'unc-37',
    topic: 'clean: codes and times',
    marked: 'ICD-10 I48.0, K57.3, J44.1. OPCS H22.9. Bloods at 0830, 14:00, 22:00. Bleep 2241. Ward 12, side room 3.',
  },
  {
    id: 'unc-38',
    topic: 'clean: ECHO session summary',
    marked:
      'Today the panel discussed heart failure titration. Key points: start low, go slow; check U&E at 1-2 weeks; aim for target doses of bisoprolol 10 mg and ramipril 10 mg; SGLT2i for all unless eGFR < 20.',
  },
  {
    id: 'unc-39',
    topic: 'clean: guideline names',
    marked:
      'Per NICE NG28 and SIGN 154, plus the Irish HSE Model of Care, the Glasgow-Blatchford score was 0 so outpatient management.',
  },
  {
    id: 'unc-40',
    topic: 'clean: lab panel',
    marked:
      'FBC: Hb 132, WCC 7.1, plt 245. U&E: Na 139, K 4.2, urea 6.1, creat 88. LFT: ALT 31, ALP 92, bili 9. CRP <5. HbA1c 52.',
  },
];
