import type { AnswerKind, AssessmentTemplate, Question, Section } from './entities';

/**
 * The four assessment templates that ship with the register, written from the
 * source documents in the seeds. Provisioning and the demo write each as
 * version 1 when no version of its key exists yet; after that the governance
 * team owns the wording (new versions are published in the tab or in
 * SharePoint, and shipped wording never overwrites them).
 *
 * Each question quotes or closely paraphrases its source; the guidance holds
 * the source's fuller wording. Welsh follows the agreed terms (GLOSSARY.md,
 * TermCymru) and, for the five ways of working, the Welsh text of the Act's
 * statutory guidance.
 */

export const SHIPPED_TEMPLATE_KEYS = [
  'wlga-principles',
  'governance-arrangements',
  'critical-success-factors',
  'five-ways-of-working',
] as const;
export type ShippedTemplateKey = (typeof SHIPPED_TEMPLATE_KEYS)[number];

/** Thresholds of the shipped templates: green at 75% or more, amber at 50% or more. */
const THRESHOLDS = { green: 75, amber: 50 } as const;

interface QuestionText {
  readonly key: string;
  readonly kind: AnswerKind;
  readonly en: string;
  readonly cy: string;
  readonly guidanceEn?: string;
  readonly guidanceCy?: string;
  /** Defaults: required when scored, optional otherwise. */
  readonly required?: boolean;
  readonly allowNotApplicable?: boolean;
  /** Defaults: 1 for scored kinds, 0 for text, dates and evidence. */
  readonly weight?: number;
}

interface SectionText {
  readonly key: string;
  readonly en: string;
  readonly cy: string;
  readonly questions: readonly QuestionText[];
}

const SCORED: readonly AnswerKind[] = ['rag', 'yesPartialNo', 'score'];

/** Sections and questions from nested text, questions numbered in order across the template. */
function build(sections: readonly SectionText[]): Pick<AssessmentTemplate, 'sections' | 'questions'> {
  const outSections: Section[] = [];
  const outQuestions: Question[] = [];
  let order = 0;
  for (const s of sections) {
    outSections.push({ key: s.key, titleEn: s.en, titleCy: s.cy });
    for (const q of s.questions) {
      order += 1;
      const scored = SCORED.includes(q.kind);
      outQuestions.push({
        key: q.key,
        sectionKey: s.key,
        order,
        textEn: q.en,
        textCy: q.cy,
        ...(q.guidanceEn !== undefined && { guidanceEn: q.guidanceEn }),
        ...(q.guidanceCy !== undefined && { guidanceCy: q.guidanceCy }),
        kind: q.kind,
        required: q.required ?? scored,
        allowNotApplicable: q.allowNotApplicable ?? !scored,
        weight: q.weight ?? (scored ? 1 : 0),
      });
    }
  }
  return { sections: outSections, questions: outQuestions };
}

const SCORE_SCALE_EN = 'Score from 1 (not at all) to 5 (fully).';
const SCORE_SCALE_CY = 'Sgôr o 1 (ddim o gwbl) i 5 (yn llawn).';

/** 1. WLGA Collaboration Principles (seed 000). */
const WLGA_PRINCIPLES: AssessmentTemplate = {
  key: 'wlga-principles',
  version: 1,
  status: 'published',
  titleEn: 'WLGA Collaboration Principles',
  titleCy: 'Egwyddorion Cydweithio CLlLC',
  descriptionEn:
    'Checks a collaboration against the principles agreed by WLGA Council: collaboration is a means to an end, not an end in itself, rooted in a clear and viable business case and subject to local democratic decision-making.',
  descriptionCy:
    "Yn gwirio cydweithrediad yn erbyn yr egwyddorion a gytunwyd gan Gyngor CLlLC: modd i gyrraedd nod yw cydweithio, nid nod ynddo'i hun, wedi'i wreiddio mewn achos busnes clir a hyfyw ac yn ddarostyngedig i benderfyniadau democrataidd lleol.",
  source: 'WLGA Collaboration Principles, agreed by WLGA Council, 30 November 2018',
  thresholds: THRESHOLDS,
  ...build([
    {
      key: 'localDirection',
      en: 'Local direction',
      cy: 'Cyfeiriad lleol',
      questions: [
        {
          key: 'locallyDriven',
          kind: 'rag',
          en: 'Is the collaboration locally driven and subject to local democratic direction?',
          cy: "A yw'r cydweithrediad yn cael ei ysgogi'n lleol ac yn ddarostyngedig i gyfarwyddyd democrataidd lleol?",
          guidanceEn:
            'Principle: collaboration, shared services or voluntary mergers should be locally-driven and subject to local democratic direction.',
          guidanceCy:
            "Egwyddor: dylai cydweithio, gwasanaethau a rennir neu uno gwirfoddol gael eu hysgogi'n lleol a bod yn ddarostyngedig i gyfarwyddyd democrataidd lleol.",
        },
      ],
    },
    {
      key: 'businessCase',
      en: 'Business case and outcomes',
      cy: 'Achos busnes a chanlyniadau',
      questions: [
        {
          key: 'businessCase',
          kind: 'rag',
          en: 'Is the collaboration underpinned by a locally agreed business case?',
          cy: "A oes achos busnes a gytunwyd yn lleol yn sail i'r cydweithrediad?",
          guidanceEn:
            'Principle: collaboration should be underpinned by a locally agreed business case, rooted in a clear and viable case and subject to local democratic decision-making.',
          guidanceCy:
            "Egwyddor: dylai achos busnes a gytunwyd yn lleol fod yn sail i'r cydweithio, wedi'i wreiddio mewn achos clir a hyfyw ac yn ddarostyngedig i benderfyniadau democrataidd lleol.",
        },
        {
          key: 'mutualBenefit',
          kind: 'rag',
          en: 'Does the business case set out the mutual benefit and a clear understanding of shared costs?',
          cy: "A yw'r achos busnes yn nodi'r budd i'r naill a'r llall a dealltwriaeth glir o'r costau a rennir?",
          guidanceEn: 'The business case should outline mutual benefit and a clear understanding of shared costs.',
          guidanceCy:
            "Dylai'r achos busnes amlinellu'r budd i'r naill a'r llall a dealltwriaeth glir o'r costau a rennir.",
        },
        {
          key: 'outcomesFocus',
          kind: 'rag',
          en: 'Does it focus on outcomes: on balance, is it likely to lead to better public service outcomes?',
          cy: "A yw'n canolbwyntio ar ganlyniadau: ar y cyfan, a yw'n debygol o arwain at well canlyniadau i wasanaethau cyhoeddus?",
          guidanceEn:
            'The business case should focus on outcomes and whether, on balance, the collaboration is likely to lead to better public service outcomes. A service collaboration or shared service is not an outcome, but a means to an end.',
          guidanceCy:
            "Dylai'r achos busnes ganolbwyntio ar ganlyniadau ac a yw'r cydweithrediad, ar y cyfan, yn debygol o arwain at well canlyniadau i wasanaethau cyhoeddus. Nid canlyniad yw cydweithio ar wasanaeth neu wasanaeth a rennir, ond modd i gyrraedd nod.",
        },
        {
          key: 'citizenOutcomes',
          kind: 'rag',
          en: 'Is it centred on clear outcomes and benefits for citizens and communities, with accessible and seamless delivery of services?',
          cy: "A yw'n canolbwyntio ar ganlyniadau a buddion clir i ddinasyddion a chymunedau, gan ddarparu gwasanaethau hygyrch a di-dor?",
          guidanceEn:
            'The collaboration should be centred on the delivery of clear outcomes and benefits for citizens and communities, ensuring accessible and seamless delivery of services to stakeholders and customers.',
          guidanceCy:
            "Dylai'r cydweithrediad ganolbwyntio ar sicrhau canlyniadau a buddion clir i ddinasyddion a chymunedau, gan sicrhau bod gwasanaethau'n cael eu darparu'n hygyrch ac yn ddi-dor i randdeiliaid a chwsmeriaid.",
        },
        {
          key: 'businessCaseLink',
          kind: 'evidence',
          en: 'Link to the business case',
          cy: "Dolen i'r achos busnes",
          guidanceEn: 'A link to the agreed business case, for example in SharePoint or the committee papers.',
          guidanceCy: "Dolen i'r achos busnes a gytunwyd, er enghraifft yn SharePoint neu ym mhapurau'r pwyllgor.",
        },
      ],
    },
    {
      key: 'context',
      en: 'Existing arrangements and engagement',
      cy: 'Trefniadau presennol ac ymgysylltu',
      questions: [
        {
          key: 'existingArrangements',
          kind: 'rag',
          allowNotApplicable: true,
          en: 'Does it take account of existing collaborative arrangements, such as City Deals, Growth Deals or shared services?',
          cy: "A yw'n ystyried trefniadau cydweithio presennol, megis Bargeinion Dinesig, Bargeinion Twf neu wasanaethau a rennir?",
          guidanceEn:
            'Principle: where appropriate, take account of existing collaborative arrangements, e.g. City Deals, Growth Deals and/or shared services. Answer not applicable where there are none.',
          guidanceCy:
            "Egwyddor: lle bo'n briodol, ystyried trefniadau cydweithio presennol, e.e. Bargeinion Dinesig, Bargeinion Twf a/neu wasanaethau a rennir. Atebwch amherthnasol os nad oes rhai.",
        },
        {
          key: 'engagement',
          kind: 'rag',
          en: 'Has it been shaped by appropriate engagement with service users and stakeholders?',
          cy: "A yw wedi'i lunio drwy ymgysylltu priodol â defnyddwyr gwasanaethau a rhanddeiliaid?",
          guidanceEn: 'Principle: be shaped by appropriate engagement with service users and stakeholders.',
          guidanceCy: 'Egwyddor: cael ei lunio drwy ymgysylltu priodol â defnyddwyr gwasanaethau a rhanddeiliaid.',
        },
        {
          key: 'frontLineIntegration',
          kind: 'rag',
          en: 'Does it strengthen strategic and operational collaboration and improve the integration of front-line services across public service providers?',
          cy: "A yw'n cryfhau cydweithio strategol a gweithredol ac yn gwella integreiddio gwasanaethau rheng flaen ar draws darparwyr gwasanaethau cyhoeddus?",
          guidanceEn:
            'Principle: seek to strengthen strategic and operational collaboration and improve the integration of front line services across public service providers.',
          guidanceCy:
            'Egwyddor: ceisio cryfhau cydweithio strategol a gweithredol a gwella integreiddio gwasanaethau rheng flaen ar draws darparwyr gwasanaethau cyhoeddus.',
        },
      ],
    },
    {
      key: 'governance',
      en: 'Governance, scrutiny and review',
      cy: 'Llywodraethu, craffu ac adolygu',
      questions: [
        {
          key: 'transparentGovernance',
          kind: 'rag',
          en: 'Does it maintain transparent and flexible governance with clear local democratic accountability?',
          cy: "A yw'n cynnal trefniadau llywodraethu tryloyw a hyblyg, gydag atebolrwydd democrataidd lleol clir?",
          guidanceEn:
            'Principle: maintain transparent and flexible governance with clear local democratic accountability and appropriate scrutiny arrangements established from the start.',
          guidanceCy:
            "Egwyddor: cynnal trefniadau llywodraethu tryloyw a hyblyg gydag atebolrwydd democrataidd lleol clir a threfniadau craffu priodol wedi'u sefydlu o'r dechrau.",
        },
        {
          key: 'scrutinyFromStart',
          kind: 'yesPartialNo',
          en: 'Were appropriate scrutiny arrangements established from the start?',
          cy: "A sefydlwyd trefniadau craffu priodol o'r dechrau?",
          guidanceEn:
            'Collaborative arrangements and shared services will be treated like all services and will be subject to scrutiny.',
          guidanceCy:
            'Bydd trefniadau cydweithio a gwasanaethau a rennir yn cael eu trin fel pob gwasanaeth arall a byddant yn destun craffu.',
        },
        {
          key: 'performance',
          kind: 'score',
          en: 'How well is the arrangement performing and giving value for money for each local authority involved?',
          cy: "Pa mor dda y mae'r trefniant yn perfformio ac yn rhoi gwerth am arian i bob awdurdod lleol sy'n rhan ohono?",
          guidanceEn: `Collaborative arrangements will be reviewed periodically. If an arrangement is underperforming or is not providing value for money for one or more local authorities, it may be appropriate to review, reform or even withdraw from it: a business decision based on performance, delivery of outcomes or value for money, not a rejection of collaboration. ${SCORE_SCALE_EN}`,
          guidanceCy: `Bydd trefniadau cydweithio yn cael eu hadolygu o bryd i'w gilydd. Os nad yw trefniant yn perfformio'n ddigonol neu os nad yw'n rhoi gwerth am arian i un neu ragor o awdurdodau lleol, gall fod yn briodol ei adolygu, ei ddiwygio neu hyd yn oed dynnu'n ôl ohono: penderfyniad busnes yn seiliedig ar berfformiad, cyflawni canlyniadau neu werth am arian, nid gwrthod y cysyniad o gydweithio. ${SCORE_SCALE_CY}`,
        },
      ],
    },
    {
      key: 'futureGenerations',
      en: 'Prosperity for All and the five ways of working',
      cy: "Ffyniant i Bawb a'r pum ffordd o weithio",
      questions: [
        {
          key: 'fiveWays',
          kind: 'rag',
          en: 'Has it been developed with due consideration of Prosperity for All and the Well-being of Future Generations (Wales) Act, in particular the five ways of working?',
          cy: "A yw wedi'i ddatblygu gan roi ystyriaeth briodol i Ffyniant i Bawb a Deddf Llesiant Cenedlaethau'r Dyfodol (Cymru), yn enwedig y pum ffordd o weithio?",
          guidanceEn:
            'Principle: be developed with due consideration of "Prosperity for All" and the Well-being of Future Generations Act and, in particular, the five ways of working: long term, prevention, integration, collaboration and involvement.',
          guidanceCy:
            'Egwyddor: cael ei ddatblygu gan roi ystyriaeth briodol i "Ffyniant i Bawb" a Deddf Llesiant Cenedlaethau\'r Dyfodol ac, yn benodol, i\'r pum ffordd o weithio: hirdymor, atal, integreiddio, cydweithio a chynnwys.',
        },
        {
          key: 'comments',
          kind: 'text',
          en: 'How does the collaboration meet these principles, and where does it fall short?',
          cy: "Sut mae'r cydweithrediad yn bodloni'r egwyddorion hyn, a ble mae'n methu?",
          guidanceEn: 'Explain any red or amber answer, and what is being done about it.',
          guidanceCy: "Eglurwch unrhyw ateb coch neu ambr, a beth sy'n cael ei wneud yn ei gylch.",
        },
      ],
    },
  ]),
};

/** 2. The governance-arrangements check: the eight essential components (seed 002), one section each. */
const GOVERNANCE_ARRANGEMENTS: AssessmentTemplate = {
  key: 'governance-arrangements',
  version: 1,
  status: 'published',
  titleEn: 'Governance arrangements check: the eight essential components',
  titleCy: 'Gwiriad trefniadau llywodraethu: yr wyth elfen hanfodol',
  descriptionEn:
    'The review panel’s check of a formal partnership or collaboration against the eight essential components of effective partnership working: how robust its governance is, and whether it can be held to account through scrutiny.',
  descriptionCy:
    "Gwiriad y panel adolygu o bartneriaeth ffurfiol neu gydweithrediad yn erbyn wyth elfen hanfodol gweithio mewn partneriaeth yn effeithiol: pa mor gadarn yw'r trefniadau llywodraethu, ac a ellir dwyn y trefniant i gyfrif drwy graffu.",
  source:
    'Caerphilly County Borough Council, Collaboration and Partnership Protocol and Action Plan for Delivery (2014): the essential components of effective partnership working',
  thresholds: THRESHOLDS,
  ...build([
    {
      key: 'purpose',
      en: '1. Clarity of purpose and benefits',
      cy: '1. Eglurder diben a buddion',
      questions: [
        {
          key: 'purposeAndBenefits',
          kind: 'rag',
          en: 'Are the purpose and the benefits of the collaboration clearly defined?',
          cy: "A yw diben a buddion y cydweithrediad wedi'u diffinio'n glir?",
          guidanceEn: 'Essential component: defining clarity and purpose and benefits of collaboration.',
          guidanceCy: 'Elfen hanfodol: diffinio eglurder, diben a buddion y cydweithio.',
        },
        {
          key: 'reasons',
          kind: 'yesPartialNo',
          en: 'Are there clear reasons for working in partnership, or for continuing to?',
          cy: 'A oes rhesymau clir dros weithio mewn partneriaeth, neu dros barhau i wneud hynny?',
          guidanceEn:
            'Reasons may be: to deliver co-ordinated packages of services to individuals; to tackle "wicked issues"; to reduce the impact of organisational fragmentation; to bid for, or gain access to, new resources; to meet a statutory requirement; to add value in improving the range and quality of services; for cost benefits and better value for money.',
          guidanceCy:
            'Gall y rhesymau fod: darparu pecynnau cydgysylltiedig o wasanaethau i unigolion; mynd i\'r afael â "phroblemau dyrys"; lleihau effaith darnio sefydliadol; gwneud cais am adnoddau newydd, neu gael gafael arnynt; bodloni gofyniad statudol; ychwanegu gwerth drwy wella ystod ac ansawdd gwasanaethau; manteision o ran cost a gwell gwerth am arian.',
        },
      ],
    },
    {
      key: 'outcomes',
      en: '2. Outcomes, plan and timetable',
      cy: '2. Canlyniadau, cynllun ac amserlen',
      questions: [
        {
          key: 'outcomesPlan',
          kind: 'rag',
          en: 'Are the outcomes determined, with a realistic plan and timetable for reaching them?',
          cy: "A yw'r canlyniadau wedi'u pennu, gyda chynllun ac amserlen realistig ar gyfer eu cyrraedd?",
          guidanceEn:
            'Essential component: determining outcomes with a realistic plan and timetable for reaching those outcomes.',
          guidanceCy:
            'Elfen hanfodol: pennu canlyniadau gyda chynllun ac amserlen realistig ar gyfer cyrraedd y canlyniadau hynny.',
        },
      ],
    },
    {
      key: 'risk',
      en: '3. Managing risk',
      cy: '3. Rheoli risg',
      questions: [
        {
          key: 'riskManaged',
          kind: 'rag',
          en: 'Have the risks been considered, and are they being positively managed?',
          cy: "A yw'r risgiau wedi'u hystyried, ac a ydynt yn cael eu rheoli'n gadarnhaol?",
          guidanceEn: 'Essential component: consideration of risk and positively managing risk.',
          guidanceCy: 'Elfen hanfodol: ystyried risg a rheoli risg yn gadarnhaol.',
        },
        {
          key: 'riskRegister',
          kind: 'evidence',
          en: 'Link to the risk register',
          cy: "Dolen i'r gofrestr risg",
          guidanceEn: 'A link to the partnership’s risk register or risk assessment.',
          guidanceCy: 'Dolen i gofrestr risg neu asesiad risg y bartneriaeth.',
        },
      ],
    },
    {
      key: 'valueForMoney',
      en: '4. Value for money',
      cy: '4. Gwerth am arian',
      questions: [
        {
          key: 'valueAssessed',
          kind: 'yesPartialNo',
          en: 'Has value for money been assessed?',
          cy: 'A aseswyd gwerth am arian?',
          guidanceEn: 'Essential component: assessment of value for money.',
          guidanceCy: 'Elfen hanfodol: asesu gwerth am arian.',
        },
        {
          key: 'valueRating',
          kind: 'score',
          en: 'How good is the value for money the council receives from the collaboration?',
          cy: "Pa mor dda yw'r gwerth am arian y mae'r cyngor yn ei gael o'r cydweithrediad?",
          guidanceEn: `Consider the council’s contribution against the benefits received. ${SCORE_SCALE_EN}`,
          guidanceCy: `Ystyriwch gyfraniad y cyngor yn erbyn y buddion a geir. ${SCORE_SCALE_CY}`,
        },
      ],
    },
    {
      key: 'accountability',
      en: '5. Accountability and scrutiny',
      cy: '5. Atebolrwydd a chraffu',
      questions: [
        {
          key: 'accountabilityLines',
          kind: 'rag',
          en: 'Are the partnership arrangements clear and robust, with defined lines of accountability?',
          cy: "A yw trefniadau'r bartneriaeth yn glir ac yn gadarn, gyda llinellau atebolrwydd diffiniedig?",
          guidanceEn:
            'Essential component: establishing clear and robust partnership arrangements with defined lines of accountability and scrutiny for assessing partnership performance.',
          guidanceCy:
            'Elfen hanfodol: sefydlu trefniadau partneriaeth clir a chadarn gyda llinellau atebolrwydd a chraffu diffiniedig ar gyfer asesu perfformiad y bartneriaeth.',
        },
        {
          key: 'scrutiny',
          kind: 'yesPartialNo',
          en: 'Can the partnership be held to account through scrutiny?',
          cy: 'A ellir dwyn y bartneriaeth i gyfrif drwy graffu?',
          guidanceEn:
            'The governance arrangements check reviews the robustness of governance arrangements and the ability for the partnership to be held to account through scrutiny.',
          guidanceCy:
            "Mae'r gwiriad trefniadau llywodraethu yn adolygu pa mor gadarn yw'r trefniadau llywodraethu a gallu'r bartneriaeth i gael ei dwyn i gyfrif drwy graffu.",
        },
        {
          key: 'governanceDocument',
          kind: 'evidence',
          en: 'Link to the governance document (terms of reference, agreement or constitution)',
          cy: "Dolen i'r ddogfen lywodraethu (cylch gorchwyl, cytundeb neu gyfansoddiad)",
        },
      ],
    },
    {
      key: 'commitment',
      en: '6. Commitment, trust and dispute resolution',
      cy: '6. Ymrwymiad, ymddiriedaeth a datrys anghydfodau',
      questions: [
        {
          key: 'commitmentTrust',
          kind: 'score',
          en: 'How strong are the commitment, ownership and trust between the partners?',
          cy: "Pa mor gryf yw'r ymrwymiad, y berchnogaeth a'r ymddiriedaeth rhwng y partneriaid?",
          guidanceEn: `Essential component: establishing commitment and ownership and level of trust between partners. ${SCORE_SCALE_EN}`,
          guidanceCy: `Elfen hanfodol: sefydlu ymrwymiad a pherchnogaeth a lefel o ymddiriedaeth rhwng partneriaid. ${SCORE_SCALE_CY}`,
        },
        {
          key: 'disputeResolution',
          kind: 'yesPartialNo',
          en: 'Is there an agreed mechanism for resolving disputes between the partners?',
          cy: 'A oes dull y cytunwyd arno ar gyfer datrys anghydfodau rhwng y partneriaid?',
          guidanceEn: 'Essential component: a mechanism for dispute resolution.',
          guidanceCy: 'Elfen hanfodol: dull o ddatrys anghydfodau.',
        },
      ],
    },
    {
      key: 'monitoring',
      en: '7. Monitoring, review and audit',
      cy: '7. Monitro, adolygu ac archwilio',
      questions: [
        {
          key: 'monitoringProcess',
          kind: 'rag',
          en: 'Is there a process to monitor, review, assess and audit the partnership?',
          cy: "A oes proses ar gyfer monitro, adolygu, asesu ac archwilio'r bartneriaeth?",
          guidanceEn:
            'Essential component: process for monitor, review, assessment and audit with defined ways of measuring the partnership’s achievements.',
          guidanceCy:
            "Elfen hanfodol: proses ar gyfer monitro, adolygu, asesu ac archwilio gyda ffyrdd diffiniedig o fesur cyflawniadau'r bartneriaeth.",
        },
        {
          key: 'measures',
          kind: 'yesPartialNo',
          en: 'Are there defined ways of measuring the partnership’s achievements?',
          cy: "A oes ffyrdd diffiniedig o fesur cyflawniadau'r bartneriaeth?",
        },
        {
          key: 'lastReviewed',
          kind: 'date',
          en: 'When were the partnership’s arrangements last reviewed?',
          cy: "Pryd yr adolygwyd trefniadau'r bartneriaeth ddiwethaf?",
        },
      ],
    },
    {
      key: 'exit',
      en: '8. Disbanding and exit strategy',
      cy: '8. Dirwyn i ben a strategaeth ymadael',
      questions: [
        {
          key: 'exitStrategy',
          kind: 'yesPartialNo',
          en: 'Is there an agreed process for disbanding the collaboration, and an agreed exit strategy?',
          cy: 'A oes proses y cytunwyd arni ar gyfer dirwyn y cydweithrediad i ben, a strategaeth ymadael y cytunwyd arni?',
          guidanceEn:
            'Essential component: process for disbanding collaborations and partnerships and agreeing exit strategy.',
          guidanceCy:
            'Elfen hanfodol: proses ar gyfer dirwyn cydweithrediadau a phartneriaethau i ben a chytuno ar strategaeth ymadael.',
        },
      ],
    },
  ]),
};

/** 3. The ten critical success factors (seed 001), as a self-assessment. */
const CRITICAL_SUCCESS_FACTORS: AssessmentTemplate = {
  key: 'critical-success-factors',
  version: 1,
  status: 'published',
  titleEn: 'Critical success factors for collaboration',
  titleCy: 'Ffactorau llwyddiant allweddol ar gyfer cydweithio',
  descriptionEn:
    'A self-assessment against the ten critical success factors for successful collaboration and joint working: five things to do and five to avoid.',
  descriptionCy:
    "Hunanasesiad yn erbyn y deg ffactor llwyddiant allweddol ar gyfer cydweithio a gweithio ar y cyd yn llwyddiannus: pum peth i'w gwneud a phum peth i'w hosgoi.",
  source:
    'WLGA, collaborative working presentation: "Critical success factors for successful collaboration and joint working"',
  thresholds: THRESHOLDS,
  ...build([
    {
      key: 'do',
      en: 'What to do',
      cy: "Beth i'w wneud",
      questions: [
        {
          key: 'goalsAndRoles',
          kind: 'score',
          en: 'How far did we invest in clarity of goals and roles from the beginning?',
          cy: "I ba raddau y gwnaethom fuddsoddi mewn eglurder nodau a rolau o'r dechrau?",
          guidanceEn: `"Invest heavily in clarity of goals and roles from the beginning. Team spirit grows out of clarity, not vice versa. You cannot focus on this too much at the outset." ${SCORE_SCALE_EN}`,
          guidanceCy: `"Buddsoddwch yn helaeth mewn eglurder nodau a rolau o'r dechrau. Mae ysbryd tîm yn tyfu o eglurder, nid i'r gwrthwyneb. Ni allwch ganolbwyntio gormod ar hyn ar y cychwyn." ${SCORE_SCALE_CY}`,
        },
        {
          key: 'collaborativeProfessionals',
          kind: 'score',
          en: 'How far do we have collaborative professionals: outcome-focused leaders who can manage a range of agencies and their agendas?',
          cy: "I ba raddau y mae gennym weithwyr proffesiynol cydweithredol: arweinwyr sy'n canolbwyntio ar ganlyniadau ac sy'n gallu rheoli amrywiaeth o asiantaethau a'u hagendâu?",
          guidanceEn: `"Promote the new breed of collaborative professionals: outcome-focused leaders who can manage a range of agencies and their varying agendas; plain speakers who are intolerant of formal boundaries and are ready to work as a team." ${SCORE_SCALE_EN}`,
          guidanceCy: `"Hyrwyddwch y math newydd o weithwyr proffesiynol cydweithredol: arweinwyr sy'n canolbwyntio ar ganlyniadau ac sy'n gallu rheoli amrywiaeth o asiantaethau a'u hagendâu amrywiol; pobl sy'n siarad yn blaen, nad ydynt yn goddef ffiniau ffurfiol ac sy'n barod i weithio fel tîm." ${SCORE_SCALE_CY}`,
        },
        {
          key: 'passionAndPolitics',
          kind: 'score',
          en: 'How far have we matched passion with politics: knowing what is in it for each partner, and delivering it?',
          cy: "I ba raddau yr ydym wedi cyfuno brwdfrydedd â gwleidyddiaeth: gwybod beth sydd ynddo i bob partner, a'i gyflawni?",
          guidanceEn: `"Match passion with politics: think about 'what's in it for them' where each partner is concerned, and ensure that this is delivered." ${SCORE_SCALE_EN}`,
          guidanceCy: `"Cyfunwch frwdfrydedd â gwleidyddiaeth: meddyliwch am 'beth sydd ynddo iddyn nhw' o ran pob partner, a sicrhewch fod hynny'n cael ei gyflawni." ${SCORE_SCALE_CY}`,
        },
        {
          key: 'newLoyalties',
          kind: 'score',
          en: 'How far are loyalties built on improvements on the ground rather than on professional expertise?',
          cy: "I ba raddau y mae teyrngarwch wedi'i seilio ar welliannau ar lawr gwlad yn hytrach nag ar arbenigedd proffesiynol?",
          guidanceEn: `"Build new loyalties based on improvements on the ground rather than professional expertise or knowledge. Worry about the end-user, and relationships should take care of themselves." ${SCORE_SCALE_EN}`,
          guidanceCy: `"Meithrinwch deyrngarwch newydd yn seiliedig ar welliannau ar lawr gwlad yn hytrach nag ar arbenigedd neu wybodaeth broffesiynol. Poenwch am y defnyddiwr terfynol, a dylai'r berthynas ofalu amdani ei hun." ${SCORE_SCALE_CY}`,
        },
        {
          key: 'sellingTheVision',
          kind: 'score',
          en: 'How far do we keep selling the vision: why we are involved and what the outcome is for the local community?',
          cy: "I ba raddau yr ydym yn dal ati i hyrwyddo'r weledigaeth: pam yr ydym yn rhan o'r gwaith a beth yw'r canlyniad i'r gymuned leol?",
          guidanceEn: `"Keep selling the vision: remind all concerned why you are involved in the project and what the end outcome is for the local community." ${SCORE_SCALE_EN}`,
          guidanceCy: `"Daliwch ati i hyrwyddo'r weledigaeth: atgoffwch bawb dan sylw pam eich bod yn rhan o'r prosiect a beth yw'r canlyniad terfynol i'r gymuned leol." ${SCORE_SCALE_CY}`,
        },
      ],
    },
    {
      key: 'avoid',
      en: 'What to avoid',
      cy: "Beth i'w osgoi",
      questions: [
        {
          key: 'purposeRequiresCollaboration',
          kind: 'score',
          en: 'How far does the collaboration serve a purpose that requires collaboration, rather than collaborating for its own sake?',
          cy: "I ba raddau y mae'r cydweithrediad yn gwasanaethu diben sy'n gofyn am gydweithio, yn hytrach na chydweithio er ei fwyn ei hun?",
          guidanceEn: `"Don't collaborate for collaboration's sake: seek a purpose that requires collaboration." ${SCORE_SCALE_EN}`,
          guidanceCy: `"Peidiwch â chydweithio er mwyn cydweithio: chwiliwch am ddiben sy'n gofyn am gydweithio." ${SCORE_SCALE_CY}`,
        },
        {
          key: 'committedCore',
          kind: 'score',
          en: 'How far have we created a committed core, with a communications plan for more distant stakeholders, rather than trying to involve everyone?',
          cy: 'I ba raddau yr ydym wedi creu craidd ymroddedig, gyda chynllun cyfathrebu ar gyfer rhanddeiliaid pellach, yn hytrach na cheisio cynnwys pawb?',
          guidanceEn: `"Don't strive to involve everyone, including those only remotely connected with the issue at hand, but create a committed core, then put together a communications plan for more distant stakeholders." ${SCORE_SCALE_EN}`,
          guidanceCy: `"Peidiwch ag ymdrechu i gynnwys pawb, gan gynnwys y rhai sydd â chysylltiad pell yn unig â'r mater dan sylw, ond crëwch graidd ymroddedig, ac yna lunio cynllun cyfathrebu ar gyfer rhanddeiliaid pellach." ${SCORE_SCALE_CY}`,
        },
        {
          key: 'professionalIdentity',
          kind: 'score',
          en: 'How far did we start with tasks that preserve autonomy, rather than threatening professional identity and loyalty too early?',
          cy: "I ba raddau y gwnaethom ddechrau gyda thasgau sy'n diogelu ymreolaeth, yn hytrach na bygwth hunaniaeth a theyrngarwch proffesiynol yn rhy gynnar?",
          guidanceEn: `"Don't threaten professional identity and loyalty too early in the process: start with tasks which initially preserve autonomy." ${SCORE_SCALE_EN}`,
          guidanceCy: `"Peidiwch â bygwth hunaniaeth a theyrngarwch proffesiynol yn rhy gynnar yn y broses: dechreuwch gyda thasgau sy'n diogelu ymreolaeth i ddechrau." ${SCORE_SCALE_CY}`,
        },
        {
          key: 'engageConflict',
          kind: 'score',
          en: 'How far do we deal with disputes and debates openly and early, focused on outcomes rather than personalities?',
          cy: 'I ba raddau yr ydym yn ymdrin ag anghydfodau a dadleuon yn agored ac yn gynnar, gan ganolbwyntio ar ganlyniadau yn hytrach nag ar bersonoliaethau?',
          guidanceEn: `"Don't shy away from conflict: engage disputes and debates out in the open; have them early and focus them on outcomes, not personalities." ${SCORE_SCALE_EN}`,
          guidanceCy: `"Peidiwch â chilio rhag gwrthdaro: ymdriniwch ag anghydfodau a dadleuon yn agored; cynhaliwch nhw'n gynnar a chanolbwyntiwch ar ganlyniadau, nid ar bersonoliaethau." ${SCORE_SCALE_CY}`,
        },
        {
          key: 'quickWins',
          kind: 'score',
          en: 'How far did we look for quick wins on simple, low-risk opportunities, rather than rushing in with over-ambitious goals?',
          cy: 'I ba raddau y gwnaethom chwilio am enillion cyflym ar gyfleoedd syml, risg isel, yn hytrach na rhuthro i mewn gyda nodau rhy uchelgeisiol?',
          guidanceEn: `"Don't rush in with over-ambitious goals: look for quick wins; build commitment and team spirit by learning to collaborate on simple, low risk opportunities at the outset." ${SCORE_SCALE_EN}`,
          guidanceCy: `"Peidiwch â rhuthro i mewn gyda nodau rhy uchelgeisiol: chwiliwch am enillion cyflym; meithrinwch ymrwymiad ac ysbryd tîm drwy ddysgu cydweithio ar gyfleoedd syml, risg isel ar y cychwyn." ${SCORE_SCALE_CY}`,
        },
      ],
    },
  ]),
};

/** 4. The Well-being of Future Generations (Wales) Act 2015: the five ways of working, in the statutory guidance's words. */
const FIVE_WAYS_OF_WORKING: AssessmentTemplate = {
  key: 'five-ways-of-working',
  version: 1,
  status: 'published',
  titleEn: 'Well-being of Future Generations: the five ways of working',
  titleCy: 'Llesiant Cenedlaethau’r Dyfodol: y pum ffordd o weithio',
  descriptionEn:
    'How the collaboration applies the sustainable development principle of the Well-being of Future Generations (Wales) Act 2015 through the five ways of working: long term, prevention, integration, collaboration and involvement.',
  descriptionCy:
    "Sut mae'r cydweithrediad yn cymhwyso egwyddor datblygu cynaliadwy Deddf Llesiant Cenedlaethau'r Dyfodol (Cymru) 2015 drwy'r pum ffordd o weithio: hirdymor, atal, integreiddio, cydweithio a chynnwys.",
  source:
    'Well-being of Future Generations (Wales) Act 2015, section 5; Welsh Government statutory guidance "Shared Purpose: Shared Future", SPSF 1: Core Guidance (2016)',
  thresholds: THRESHOLDS,
  ...build([
    {
      key: 'longTerm',
      en: 'Long term',
      cy: 'Hirdymor',
      questions: [
        {
          key: 'longTerm',
          kind: 'rag',
          en: 'Does the collaboration balance short-term needs with the need to safeguard the ability to also meet long-term needs?',
          cy: "A yw'r cydweithrediad yn cydbwyso anghenion tymor byr â'r angen i ddiogelu'r gallu i ddiwallu anghenion hirdymor hefyd?",
          guidanceEn:
            'Long term: the importance of balancing short-term needs with the need to safeguard the ability to also meet long-term needs.',
          guidanceCy:
            "Hirdymor: pwysigrwydd cydbwyso anghenion tymor byr â'r angen i ddiogelu'r gallu i ddiwallu anghenion hirdymor hefyd.",
        },
        {
          key: 'longTermHow',
          kind: 'text',
          en: 'How does the collaboration take account of the long term? Give examples.',
          cy: "Sut mae'r cydweithrediad yn ystyried yr hirdymor? Rhowch enghreifftiau.",
        },
      ],
    },
    {
      key: 'prevention',
      en: 'Prevention',
      cy: 'Atal',
      questions: [
        {
          key: 'prevention',
          kind: 'rag',
          en: 'Does the collaboration act to prevent problems occurring or getting worse?',
          cy: "A yw'r cydweithrediad yn gweithredu i atal problemau rhag digwydd neu waethygu?",
          guidanceEn:
            'Prevention: how acting to prevent problems occurring or getting worse may help public bodies meet their objectives.',
          guidanceCy:
            'Atal: sut y gall gweithredu i atal problemau rhag digwydd neu waethygu helpu cyrff cyhoeddus i gyflawni eu hamcanion.',
        },
        {
          key: 'preventionHow',
          kind: 'text',
          en: 'Which problems does it help to prevent, and how?',
          cy: "Pa broblemau y mae'n helpu i'w hatal, a sut?",
        },
      ],
    },
    {
      key: 'integration',
      en: 'Integration',
      cy: 'Integreiddio',
      questions: [
        {
          key: 'integration',
          kind: 'rag',
          en: 'Has the collaboration considered how its objectives may affect each of the well-being goals, the partners’ other objectives and the objectives of other public bodies?',
          cy: "A yw'r cydweithrediad wedi ystyried sut y gallai ei amcanion effeithio ar bob un o'r nodau llesiant, ar amcanion eraill y partneriaid ac ar amcanion cyrff cyhoeddus eraill?",
          guidanceEn:
            'Integration: considering how the public body’s well-being objectives may impact upon each of the well-being goals, on their other objectives, or on the objectives of other public bodies.',
          guidanceCy:
            "Integreiddio: ystyried sut y gall amcanion llesiant y corff cyhoeddus effeithio ar bob un o'r nodau llesiant, ar ei amcanion eraill, neu ar amcanion cyrff cyhoeddus eraill.",
        },
        {
          key: 'integrationHow',
          kind: 'text',
          en: 'How does it support the well-being goals and the partners’ objectives?',
          cy: "Sut mae'n cefnogi'r nodau llesiant ac amcanion y partneriaid?",
        },
      ],
    },
    {
      key: 'collaboration',
      en: 'Collaboration',
      cy: 'Cydweithio',
      questions: [
        {
          key: 'collaboration',
          kind: 'rag',
          en: 'Does it act in collaboration with every person, or part of a body, that could help it meet its well-being objectives?',
          cy: "A yw'n gweithredu ar y cyd â phob person, neu ran o gorff, a allai ei helpu i gyflawni ei amcanion llesiant?",
          guidanceEn:
            'Collaboration: acting in collaboration with any other person (or different parts of the body itself) that could help the body to meet its well-being objectives.',
          guidanceCy:
            "Cydweithio: gweithredu ar y cyd ag unrhyw berson arall (neu wahanol rannau o'r corff ei hun) a allai helpu'r corff i gyflawni ei amcanion llesiant.",
        },
        {
          key: 'collaborationHow',
          kind: 'text',
          en: 'Who else could help it meet its objectives, and how is it working with them?',
          cy: "Pwy arall a allai ei helpu i gyflawni ei amcanion, a sut mae'n gweithio gyda nhw?",
        },
      ],
    },
    {
      key: 'involvement',
      en: 'Involvement',
      cy: 'Cynnwys',
      questions: [
        {
          key: 'involvement',
          kind: 'rag',
          en: 'Does it involve people with an interest in achieving the well-being goals, and do those people reflect the diversity of the area it serves?',
          cy: "A yw'n cynnwys pobl sydd â diddordeb mewn cyflawni'r nodau llesiant, ac a yw'r bobl hynny'n adlewyrchu amrywiaeth yr ardal y mae'n ei gwasanaethu?",
          guidanceEn:
            'Involvement: the importance of involving people with an interest in achieving the well-being goals, and ensuring that those people reflect the diversity of the area which the body serves.',
          guidanceCy:
            "Cynnwys: pwysigrwydd cynnwys pobl sydd â diddordeb mewn cyflawni'r nodau llesiant, a sicrhau bod y bobl hynny'n adlewyrchu amrywiaeth yr ardal y mae'r corff yn ei gwasanaethu.",
        },
        {
          key: 'involvementHow',
          kind: 'text',
          en: 'How are people, and the diversity of the area, involved?',
          cy: 'Sut mae pobl, ac amrywiaeth yr ardal, yn cael eu cynnwys?',
        },
        {
          key: 'involvementEvidence',
          kind: 'evidence',
          en: 'Link to evidence of involvement (for example an engagement report)',
          cy: 'Dolen i dystiolaeth o gynnwys pobl (er enghraifft adroddiad ymgysylltu)',
        },
      ],
    },
  ]),
};

/** The four templates that ship, in the order the tab lists them. */
export const SHIPPED_TEMPLATES: readonly AssessmentTemplate[] = [
  WLGA_PRINCIPLES,
  GOVERNANCE_ARRANGEMENTS,
  CRITICAL_SUCCESS_FACTORS,
  FIVE_WAYS_OF_WORKING,
];
