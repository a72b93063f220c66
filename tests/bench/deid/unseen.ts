/**
 * The second independent batch ("unseen", batch B): notes written on 2026-12-07 at about 23:40 UTC
 * by the engineer working on issue #18, BEFORE opening the detector's source (libs/deid/src: its rules,
 * patterns and lexicons were not read when these notes were written and annotated). What was read first:
 * issue #18's list of missed shapes, the annotation conventions at the top of `corpus.ts`, the format of
 * the first notes of `independent.ts`, and the scorer. The notes were written from clinical realism (UK,
 * Irish, Welsh and US records; hurried lower-case typing, fragments, text pasted with odd Unicode, ages
 * over 89 in words, labelled numbers, employers, relatives) and committed before any tuning, so the first
 * figure measured on them is the honest "unseen" recall. If the detector is later tuned on a note here,
 * that note stops being unseen and the report says so. It was: after its first score (recall 75.6%,
 * precision 97.8%) its misses were read to tune the detector, so from then on batch B is a tuning set and
 * batch C (`unseen-c.ts`, written at the same sitting, held out) carries the unseen figure.
 *
 * Same markup and conventions as `corpus.ts`. Everything is invented: NHS and H&C numbers carry valid
 * check digits but were generated at random, PPSNs have valid check letters, UK phone numbers are in
 * Ofcom's drama ranges, US numbers in 555-01xx, IP addresses in the documentation ranges, and National
 * Insurance numbers use the QQ sample prefix. False-positive traps are kept on purpose: doses, lab values,
 * scores, codes, "3/7" durations, drug names, eponyms, and ordinary words that are also names or towns
 * ("will", "may", "grace", "bath", "reading", "wells").
 */
import type { CorpusNote } from './corpus';

export const unseenCorpus: CorpusNote[] = [
  // ---- hurried lower-case notes ----------------------------------------------------------------
  {
    id: 'uns-01',
    topic: 'ED triage, Wales, lower case',
    marked:
      'pt [[NAME:dafydd rees]] bib from [[ADDRESS:pontypridd]], fell off ladder at work ([[NAME:hughes & bevan roofing]]). gcs 15, c-spine cleared (nexus). wife [[NAME:ffion]] on way, mob [[PHONE:07700 900274]]. tetanus given. xr L wrist ?scaphoid',
  },
  {
    id: 'uns-02',
    topic: 'GP phone consult, England, lower case',
    marked:
      'tc w/ [[NAME:sharon]] (dtr). mum [[NAME:joan whitfield]] [[AGE:ninety-one]], more confused since sat, ?uti. dip nitrites +, leuc ++. nitrofurantoin 50mg qds 3/7. dtr will ring back if no better by fri',
  },
  {
    id: 'uns-03',
    topic: 'surgical handover, Ireland, lower case',
    marked:
      'bed 4 [[NAME:noel kavanagh]] 67M from [[ADDRESS:ballinasloe]], pod 2 lap chole. drain 40ml serous. mrn [[ID:0483321]]. nok bro [[NAME:seamus]] [[PHONE:086 173 4410]]. for dc tmrw if lfts ok',
  },
  {
    id: 'uns-04',
    topic: 'district nurse, Scotland, lower case',
    marked:
      'dn visit [[DATE:mon 14th]]. [[NAME:agnes mcphail]] lives [[ADDRESS:12 burnside cres, kilmarnock]]. grade 2 sacral sore, waterlow 18, braden 14. needs help in bath, husband [[NAME:wullie]] struggling. refer ot.',
  },
  {
    id: 'uns-05',
    topic: 'CMHT note, lower case',
    marked:
      'saw [[NAME:kieran]] at his mams in [[ADDRESS:tallaght]]. phq9 22, gad7 17, passive si no plan. works in warehouse for [[NAME:musgrave]]. key worker [[NAME:orla]]. increase mirtazapine 30mg, r/v 1/52',
  },
  {
    id: 'uns-06',
    topic: 'midwife note, lower case',
    marked:
      'booking bloods done. [[NAME:chloe]] g2p1, edd [[DATE:3/5]]. partner [[NAME:ryan]] works away (rigs). lives [[ADDRESS:42 albert st, grimsby dn32 7lt]]. bmi 33, ogtt at 26/40. mob [[PHONE:07700 900815]]',
  },
  {
    id: 'uns-07',
    topic: 'ward round, lower case fragments',
    marked:
      'wr - mr [[NAME:oyelaran]] ([[AGE:92]] but says [[AGE:93]]!) - aki stage 2, cr 212 (baseline 90), k 5.9. stop ramipril + furosemide. ivi 1l/8h. son [[NAME:tunde]] visiting pm',
  },
  {
    id: 'uns-08',
    topic: 'pharmacy query, lower case',
    marked:
      'query from boots in [[ADDRESS:wrexham]] re [[NAME:gareth pryce]] - fostair 100/6 2 puffs bd vs 1 puff. pharmacist [[NAME:eleri]] tel [[PHONE:029 2018 0592]]. confirmed 2 puffs bd.',
  },
  {
    id: 'uns-09',
    topic: 'out of hours, Northern Ireland, lower case',
    marked:
      'ooh call 0240. [[NAME:margaret]] in [[ADDRESS:portadown]], h&c [[ID:338 303 1233]], vomiting x6 since teatime, on metformin + empagliflozin. ketones 2.1. advised ed. nok [[NAME:davy]] driving her.',
  },
  {
    id: 'uns-10',
    topic: 'palliative care, Wales, lower case',
    marked:
      'jic meds in house. mrs [[NAME:gwenllian morgan]] [[AGE:ninety six]] at [[ADDRESS:bryn awel, llandeilo]]. syringe driver midaz 10mg + morphine 10mg/24h. dtr [[NAME:catrin]] staying. dnacpr in place. gp dr [[NAME:a. lloyd]]',
  },
  // ---- labelled numbers ---------------------------------------------------------------------------
  {
    id: 'uns-11',
    topic: 'US intake with MR#',
    marked:
      'PATIENT: [[NAME:KOWALSKI, Theresa]]\nMR#: [[ID:7731045]]\nDOS: [[DATE:11/14]]\nPCP: Dr. [[NAME:Okafor]]\n58F with poorly controlled T2DM, A1c 9.8%, BMI 41. Lives in [[ADDRESS:Toledo, OH 43609]]. Works nights at [[NAME:Kroger]] distribution center. Phone [[PHONE:(419) 555-0162]].',
  },
  {
    id: 'uns-12',
    topic: 'radiology request with accession',
    marked:
      'CT abdo/pelvis with contrast. Accession no. [[ID:RXH2291847]]. Hospital no [[ID:K334871]]. [[NAME:Bernadette Quinlan]], DOB [[DATE:21.09.1948]]. ?diverticular abscess, CRP 188, WCC 16.2. eGFR 54, ok for contrast.',
  },
  {
    id: 'uns-13',
    topic: 'prison healthcare',
    marked:
      'In-reach review. [[NAME:Liam Doherty]], prison no. [[ID:A4417CK]], on wing C. Methadone 60 ml daily, opiate withdrawal settled (COWS 3). Sister [[NAME:Shauna]] asked for update; consent form signed [[DATE:2 Dec]].',
  },
  {
    id: 'uns-14',
    topic: 'H/No and NI number, spaced',
    marked:
      'H/No. [[ID:M771204]] / NI no [[ID:QQ 12 34 56 C]]\n[[NAME:Raymond Pickles]] applying for PIP, needs letter re COPD (FEV1 1.1 L, 42% pred) and mobility (6MWT 180 m). Employer: [[NAME:Calderdale Council]] (bin lorry driver until [[DATE:June 2025]]).',
  },
  {
    id: 'uns-15',
    topic: 'GP practice code and NHS number',
    marked:
      'Registered GP practice code [[ID:B82047]]. NHS no [[ID:448 218 6783]]. [[NAME:Priya Raman]], 34, 2/52 hx of palpitations, ECG sinus tachy 108, TSH <0.01, fT4 38. ?Graves. Start carbimazole 20 mg od, propranolol 40 mg tds.',
  },
  {
    id: 'uns-16',
    topic: 'Irish note with PPSN and MRN',
    marked:
      '[[NAME:Ó Briain, Seán]]   MRN [[ID:1187760]]   PPSN [[ID:6197147M]]\nAdmitted via ED [[DATE:28/11]] with CAP, CURB-65 2. Co-amoxiclav + clarithromycin. Lives [[ADDRESS:Ennistymon, Co. Clare]]. Wife [[NAME:Máire]] (medical card holder).',
  },
  {
    id: 'uns-17',
    topic: 'US note with SSN and Medicare',
    marked:
      'Pt [[NAME:Dolores Jimenez]], [[AGE:90 yo]], SSN [[ID:432-19-8870]], Medicare MBI [[ID:1EG4-TE5-MK73]]. CHF NYHA III, EF 30%, on sacubitril/valsartan 49/51 mg BID. Lives with granddaughter [[NAME:Alexis]] in [[ADDRESS:El Paso 79912]].',
  },
  {
    id: 'uns-18',
    topic: 'lab result pasted',
    marked:
      'Specimen ID [[ID:S24-0091377]] received [[DATE:05-Dec]] 14:32. Pt: [[NAME:FERGUSON, Alan J]] CHI [[ID:0503421871]]. Hb 89 g/L, MCV 71, ferritin 6. ?IDA. FIT 210. Refer 2WW colorectal.',
  },
  // ---- names: accents, Welsh and Irish spelling, given name alone -------------------------------------
  {
    id: 'uns-19',
    topic: 'teleECHO case summary, Ireland',
    marked:
      'Case: [[NAME:Aoife Ní Dhonnchadha]], 29, type 1 DM since age 9, recurrent DKA (x3 this year). Lives with her partner [[NAME:Cathal]] in [[ADDRESS:Athenry]]. Libre 2, time in range 38%. Presenting: Dr [[NAME:Éadaoin Mac Giolla Phádraig]], Portiuncula diabetes team.',
  },
  {
    id: 'uns-20',
    topic: 'Welsh names',
    marked:
      'Seen with her mother [[NAME:Llinos]]. [[NAME:Siôn ap Iorwerth]] (aged 7) ASD assessment, ADOS-2 module 2. Attends [[ADDRESS:Ysgol Gymraeg Bro Teifi]]. Father [[NAME:Rhodri]] works at [[NAME:Aberystwyth University]].',
  },
  {
    id: 'uns-21',
    topic: 'given name alone in a post',
    marked:
      "Peer support: anyone else struggling with a patient like [[NAME:Bronagh]]? 40s, chronic pain, on pregabalin 300 mg bd + tramadol, wants more. I'm seeing her Thursday. Her husband [[NAME:Declan]] rang the practice twice.",
  },
  {
    id: 'uns-22',
    topic: 'SURNAME, Given list',
    marked:
      'Clinic list [[DATE:Tues 9th]]:\n1. [[NAME:MCLAUGHLIN, Patricia]] - INR 3.4 on warfarin\n2. [[NAME:O’SULLIVAN, Donal]] - BP 162/94\n3. [[NAME:NWOSU, Chiamaka]] - postnatal check\n4. [[NAME:BYRNE, Francis]] - B12 injection',
  },
  {
    id: 'uns-23',
    topic: 'names that are also words, lower case',
    marked:
      'seen with [[NAME:grace]] (carer) and her son [[NAME:will]]. pt [[NAME:rose hanlon]] may need respite. hope to review in 2/52. bill for equipment to go to social services.',
  },
  // ---- dates ------------------------------------------------------------------------------------
  {
    id: 'uns-24',
    topic: 'dates without a year',
    marked:
      'Timeline: first seen [[DATE:4th Oct]], admitted [[DATE:the 19th]], discharged [[DATE:Nov 2]]. Relapse [[DATE:last Friday 29/11]]. Next MDT [[DATE:Dec 12th]]. Symptoms 6/12, weight loss 8 kg over 3/12.',
  },
  {
    id: 'uns-25',
    topic: 'US dates',
    marked:
      'Seen in clinic [[DATE:10/22/24]]. DOB [[DATE:7/4/1946]]. Colonoscopy [[DATE:Sept 2023]] - 2 tubular adenomas, repeat in 3 years. Labs [[DATE:10/15]]: LDL 142, HDL 38, TG 310.',
  },
  {
    id: 'uns-26',
    topic: 'birth year over 89 and date words',
    marked:
      "Born [[DATE:1931]], widowed, still drives. Admitted [[DATE:on the 2nd of December]] after a fall. Anniversary of wife's death was [[DATE:the 30th]] which her son feels triggered low mood.",
  },
  // ---- ages ------------------------------------------------------------------------------------
  {
    id: 'uns-27',
    topic: 'ages over 89 in words and for relatives',
    marked:
      'Family hx: father d. aged [[AGE:ninety-four]] (stroke), mother alive at [[AGE:ninety one]] in a nursing home in [[ADDRESS:Galway]]. Pt 63, T2DM, on metformin 1 g bd. Aunt is [[AGE:a hundred and two]]!',
  },
  {
    id: 'uns-28',
    topic: 'ages in numbers',
    marked:
      'Referral: [[AGE:97-yr-old]] lady, frailty CFS 7, recurrent falls. Husband [[AGE:99]]. Both live at [[ADDRESS:Fairhaven, 6 Quarry Lane, Ashbourne DE6 1EH]]. Age UK involved.',
  },
  // ---- places -------------------------------------------------------------------------------------
  {
    id: 'uns-29',
    topic: 'Irish places and Eircode',
    marked:
      'Lives in a cottage outside [[ADDRESS:Clonakilty]], [[ADDRESS:Co Cork]]. Eircode [[ADDRESS:P85 EW22]]. Moved from [[ADDRESS:Dublin 8]] in 2019. PHN [[NAME:Niamh Collins]] visits weekly.',
  },
  {
    id: 'uns-30',
    topic: 'Welsh places',
    marked:
      'Home address [[ADDRESS:Tŷ Newydd, Ffordd yr Orsaf, Llanrwst LL26 0EH]]. Daughter lives in [[ADDRESS:Machynlleth]], son in [[ADDRESS:Ystradgynlais]]. Attends day centre in [[ADDRESS:Blaenau Ffestiniog]] on Tuesdays.',
  },
  {
    id: 'uns-31',
    topic: 'postcode districts and towns lower case',
    marked:
      'moved to [[ADDRESS:reading]] last yr -> now [[ADDRESS:rg1]] area, previously [[ADDRESS:sw11]]. lives near [[ADDRESS:caversham]]. reading glasses lost, needs new rx. wells score 1, d-dimer neg.',
  },
  {
    id: 'uns-32',
    topic: 'street line fragments',
    marked:
      'addr: [[ADDRESS:flat 3b, 27 glen rd]]\n[[ADDRESS:belfast bt11 8bu]]\nnok: [[NAME:pauline]] (sis) same addr\nhx: asthma, btsg step 3, peak flow 280 (best 400)',
  },
  {
    id: 'uns-33',
    topic: 'US address, ZIP after town',
    marked:
      'Lives at [[ADDRESS:2210 W Lincoln Hwy, Apt 4, DeKalb 60115]]. Son [[NAME:Marcus]] [[PHONE:815-555-0198]]. Transportation barrier: 40 min drive to clinic, no car.',
  },
  {
    id: 'uns-34',
    topic: 'English counties and towns',
    marked:
      'Family split between [[ADDRESS:Barnstaple]] ([[ADDRESS:North Devon]]) and [[ADDRESS:Kendal]], [[ADDRESS:Cumbria]]. Pt lives alone at [[ADDRESS:3 Ropewalk Cottages, Bideford]].',
  },
  // ---- contact and online ---------------------------------------------------------------------------
  {
    id: 'uns-35',
    topic: 'emails and URLs in a referral',
    marked:
      'Please reply to [[EMAIL:l.hartigan@nhs.net]] or the team inbox [[EMAIL:ccg.diabetes-echo@nhs.net]]. Pt has a JustGiving page [[URL:https://www.justgiving.com/page/tommy-hartigan-run]] and posts on [[URL:instagram.com/tommyh_t1d]].',
  },
  {
    id: 'uns-36',
    topic: 'IT incident note',
    marked:
      'Video clinic dropped 3x. Patient joined from [[IP:203.0.113.47]], clinician from [[IP:198.51.100.12]]. Patient [[NAME:Hollis]] said 4G weak at home in [[ADDRESS:Aberdaron]].',
  },
  {
    id: 'uns-37',
    topic: 'phones in mixed formats',
    marked:
      'Contacts: home [[PHONE:0113 496 0281]], mob [[PHONE:+44 7700 900 643]], work [[PHONE:020 7946 0419 ext 221]]. Irish mob [[PHONE:+353 (0)87 555 1209]]. Prefers text.',
  },
  // ---- employers ---------------------------------------------------------------------------------
  {
    id: 'uns-38',
    topic: 'occupational health',
    marked:
      'OH referral from [[NAME:Tesco]] ([[NAME:Lidl]] previously). Warehouse picker, back pain 3/12, off 2/52. Manager [[NAME:Dean Ashworth]]. Fit for amended duties. Also does weekends at [[NAME:Greggs]].',
  },
  {
    id: 'uns-39',
    topic: 'employer lower case',
    marked:
      'works at [[NAME:jaguar land rover]] in [[ADDRESS:solihull]] on the line. rsi both wrists, nerve conduction normal. union rep [[NAME:tony]] has been in touch.',
  },
  // ---- pasted with odd characters -------------------------------------------------------------------
  {
    id: 'uns-40',
    topic: 'NHS number with no-break spaces',
    marked:
      'NHS Number: [[ID:433\u00a0316\u00a06810]]\nName: [[NAME:Derek\u00a0Holloway]]\nDOB: [[DATE:19\u00a0Mar\u00a01957]]\nReason: HbA1c 74, on max oral therapy, consider GLP-1.',
  },
  {
    id: 'uns-41',
    topic: 'phone with zero-width spaces',
    marked:
      'Daughter [[NAME:Tamsin]] tel [[PHONE:0161\u200b496\u200b0732]] (pasted from email). Mum has Parkinson\u2019s, on co-careldopa 25/100 tds, 3 falls this month.',
  },
  {
    id: 'uns-42',
    topic: 'full-width digits',
    marked:
      'ＤＯＢ [[DATE:０７/０３/１９５２]], NHS [[ID:４０８ ６０４ ７７４８]]. Pt [[NAME:Wei Zhang]] prefers Mandarin interpreter. BP 150/90 on amlodipine 10 mg.',
  },
  {
    id: 'uns-43',
    topic: 'spelled-out NHS number and soft hyphens',
    marked:
      'she read her nhs number out: [[ID:four two zero one eight nine zero two six zero]]. name [[NAME:Ka\u00adtie Brad\u00adshaw]]. phone [[PHONE:07700\u00ad900\u00ad562]].',
  },
  {
    id: 'uns-44',
    topic: 'tabs and Arabic-Indic digits',
    marked:
      'Patient\t[[NAME:Yusuf Haddad]]\nNHS\t[[ID:\u0664\u0666\u0669 \u0664\u0665\u0662 \u0664\u0664\u0660\u0662]]\nLanguage\tArabic\nIssue\tUncontrolled HTN, 172/101, on 3 agents',
  },
  // ---- identifier-free notes: false-positive traps -----------------------------------------------
  {
    id: 'uns-45',
    topic: 'clean: eponyms and scores',
    marked:
      "Parkinson's disease with REM sleep behaviour disorder. Hoehn and Yahr 3. Addenbrooke's Cognitive Examination 82/100. Also Barrett's oesophagus, Crohn's in remission, Bell's palsy 2019.",
  },
  {
    id: 'uns-46',
    topic: 'clean: labs, doses and durations',
    marked:
      'Na 131, K 5.9, Cr 142, eGFR 38, INR 3.4, Hb 89 g/L, TSH 0.02. Co-codamol 30/500 2 qds, Adcal D3 1 bd, Humalog 6-8-6 units. Cough 3/7, fever 2/7, review 6/52. BP 142/88, HR 96.',
  },
  {
    id: 'uns-47',
    topic: 'clean: codes',
    marked:
      'Coded: F32.1 moderate depressive episode, E11.9 T2DM, SNOMED 44054006, Read C10F., CPT 99214, HCPCS G0439. Ward 7B bay 3 bed 2. NEWS2 5, MUST 2, AUDIT-C 9, Rockwood 6, GCS 14 (E4 V4 M6).',
  },
  {
    id: 'uns-48',
    topic: 'clean: words that are names or towns, lower case',
    marked:
      'will review in may. needs a bath chair and grab rails. reading ok with glasses. wells score 2. mark on L shin noted. pt in good spirits, hope to step down to 2x daily calls. sale of house delayed.',
  },
  {
    id: 'uns-49',
    topic: 'clean: hospitals and services',
    marked:
      'Discussed at the teleECHO hub. Referred to Addenbrooke\u2019s hepatology and the Royal Victoria respiratory team; memory clinic at St James\u2019s. Cushing\u2019s screen negative. Guillain-Barr\u00e9 ruled out by LP.',
  },
  {
    id: 'uns-50',
    topic: 'clean: lower-case clinical shorthand',
    marked:
      'sob on exertion 2/12, orthopnoea 2 pillows, pnd. jvp not raised. ankle oedema to mid shin. bnp 1450. echo booked. start bisoprolol 1.25 mg od, titrate 2/52. hba1c 48, ldl 2.9. curb-65 1.',
  },
];
