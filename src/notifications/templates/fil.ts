import { dateTime } from '../../common/i18n/locales';
import { awardName, contactKinds, penpalList, roleNames } from './labels';
import { MENTORING } from './mentoring';
import type { LocaleTemplates } from './types';

const L = 'fil';
const hi = (name: unknown) => `Hi ${name},\n\n`;
const END = '\n\n— Ang Kenal team';

/** Filipino as young people write it (with the English words they use); "po" for a guardian. */
export const fil: LocaleTemplates = {
  'guardian.consent_requested': (p) => ({
    subject: `Pakikumpirma po na puwedeng sumali si ${p.participantName} sa Kenal`,
    text:
      `Mahal na ${p.guardianName},\n\n` +
      `Nag-sign up po si ${p.participantName} sa Kenal, ang youth exchange ng ASEAN at Korea, at kayo po ang pinangalanan ` +
      `niyang magulang o guardian. Dahil wala pa siyang 18 taong gulang, maaari lang siyang magkaroon ng pen pal o sumali sa ` +
      `mga patimpalak kapag pumayag na kayo.\n\nPara pumayag, buksan po ang link na ito (may bisa hanggang ${dateTime(p.expiresAt, L)}):\n` +
      `${p.link}\n\nKung hindi po ninyo kilala ang taong ito, huwag pansinin ang email na ito at walang mangyayari.${END}`,
    title: 'Hiningi ang pahintulot ng guardian',
    body: `Nag-email kami kay ${p.guardianName} para hingin ang pahintulot na makasali ka.`,
  }),
  'guardian.consent_confirmed': (p) => ({
    subject: 'Pumayag na ang guardian mo: puwede ka nang sumali sa Kenal',
    text: `${hi(p.participantName)}Pumayag na si ${p.guardianName} na sumali ka sa Kenal. Puwede ka nang mag-enrol sa mga pen-pal round at patimpalak.${END}`,
    title: 'Pumayag na ang guardian',
    body: `Pumayag na si ${p.guardianName} na sumali ka.`,
  }),
  'guardian.consent_receipt': (p) => ({
    subject: `Pumayag po kayo na sumali si ${p.participantName} sa Kenal`,
    text:
      `Mahal na ${p.guardianName},\n\nSalamat po: kinumpirma ninyo na puwedeng sumali si ${p.participantName} sa Kenal, ` +
      `sa pagsusulat sa isang pen pal at sa mga patimpalak para sa kabataan.\n\nMaaari po ninyong bawiin ang pahintulot anumang oras gamit ang link na ito. ` +
      `Matatapos ang kanyang mga pen-pal match at hindi siya makakasali hangga't walang guardian na pumapayag muli:\n${p.link}\n\n` +
      `Pakitabi po ang email na ito.${END}`,
    title: 'Pumayag na ang guardian',
    body: `Pumayag kayo na sumali si ${p.participantName}.`,
  }),
  'guardian.consent_withdrawn': (p) => ({
    subject: 'Binawi ng guardian mo ang kanyang pahintulot',
    text:
      `${hi(p.participantName)}Binawi ni ${p.guardianName} ang pahintulot na sumali ka sa Kenal. ` +
      `Umalis ka na sa mga pen-pal round, natapos na ang mga pen-pal match mo, at hindi mababago ang entry ng team mo hangga't walang guardian na pumapayag muli. ` +
      `Puwede kang humingi ulit ng pahintulot mula sa profile mo.${END}`,
    title: 'Binawi ang pahintulot ng guardian',
    body: `Binawi ni ${p.guardianName} ang pahintulot. Humingi ulit ng pahintulot sa guardian para makasali.`,
  }),
  'staff.invited': (p) => ({
    subject: 'May Kenal staff account ka na: i-set ang password mo',
    text:
      `${hi(p.displayName)}Gumawa ang isang administrator ng Kenal account para sa iyo bilang ${roleNames(p.roles, L)}. ` +
      `I-set ang password mo gamit ang link na ito (may bisa hanggang ${dateTime(p.expiresAt, L)}, isang beses lang magagamit):\n${p.link}${END}`,
    title: 'Welcome sa Kenal',
    body: `Handa na ang staff account mo (${roleNames(p.roles, L)}). Tingnan ang email mo para i-set ang password.`,
  }),
  'auth.verify_email': (p) => ({
    subject: 'Kumpirmahin ang email address mo para sa Kenal',
    text:
      `${hi(p.displayName)}Pakikumpirma na sa iyo ang address na ito, para makapag-enrol ka, makasali sa team ` +
      `at makapagpasa sa Kenal. Buksan ang link na ito (may bisa hanggang ${dateTime(p.expiresAt, L)}, isang beses lang magagamit):\n${p.link}\n\n` +
      `Kung hindi ka nag-sign up sa Kenal, huwag pansinin ang email na ito.${END}`,
    title: 'Kumpirmahin ang email address mo',
    body: 'Nag-email kami sa iyo ng link para kumpirmahin ang address mo.',
  }),
  'staff.roles_offered': (p) => ({
    subject: 'Inimbitahan ka sa isang staff role sa Kenal',
    text:
      `${hi(p.displayName)}Inimbitahan ng isang administrator ang Kenal account mo sa role na ${roleNames(p.roles, L)}. ` +
      `Walang magbabago hangga't hindi mo tinatanggap: mag-sign in sa Kenal gamit ang account na ito at tanggapin gamit ang link na ito ` +
      `(may bisa hanggang ${dateTime(p.expiresAt, L)}, isang beses lang magagamit):\n${p.link}\n\n` +
      `Kung hindi mo ito inaasahan, huwag pansinin ang email na ito.${END}`,
    title: 'Imbitasyon sa staff role',
    body: `Inimbitahan ka ng isang administrator sa role na ${roleNames(p.roles, L)}. Tingnan ang email mo para tanggapin.`,
  }),
  'auth.password_reset': (p) => ({
    subject: 'I-reset ang password mo sa Kenal',
    text:
      `${hi(p.displayName)}May humiling (sana ikaw) na i-reset ang password mo sa Kenal. ` +
      `Buksan ang link na ito para pumili ng bago (may bisa hanggang ${dateTime(p.expiresAt, L)}, isang beses lang magagamit):\n${p.link}\n\n` +
      `Kung hindi ikaw ang humiling, huwag pansinin ang email na ito: hindi magbabago ang password mo.${END}`,
    title: 'Hiniling ang pag-reset ng password',
    body: 'Nag-email kami sa iyo ng link para i-reset ang password mo.',
  }),
  'penpal.matched': (p) => ({
    subject: `May pen pal ka na sa ${p.roundName}`,
    text:
      `${hi(p.displayName)}Magandang balita: may nahanap kaming pen pal para sa iyo sa ${p.roundName}: ${penpalList(p.penpals, L)}. ` +
      `Buksan ang Kenal para makita kung ano ang pareho ninyo, at tanggapin para makapagsimulang sumulat.${END}`,
    title: 'May pen pal ka na',
    body: `Kilalanin si ${penpalList(p.penpals, L)} at tanggapin para makapagsimulang sumulat.`,
  }),
  'penpal.unmatched': (p) => ({
    subject: `Wala pang pen pal sa ${p.roundName}: nasa pila ka pa rin`,
    text:
      `${hi(p.displayName)}Ngayon, hindi pa kami nakahanap ng pen pal na bagay sa iyo sa ${p.roundName}. ` +
      `Nasa pila ka pa rin: susubukan ulit sa susunod na matching.${END}`,
    title: 'Nasa pila ka pa rin',
    body: `Wala pang pen pal sa ${p.roundName}; susubukan ulit sa susunod na matching.`,
  }),
  'penpal.connected': (p) => ({
    subject: `Puwede na kayong magsulatan ni ${p.penpalName}`,
    text: `${hi(p.displayName)}Pareho kayong nag-oo ni ${p.penpalName}. Mag-hello ka na sa Kenal!${END}`,
    title: 'Puwede ka nang magsulat',
    body: `Pareho kayong tumanggap ni ${p.penpalName}. Mag-hello ka na!`,
  }),
  'penpal.declined': (p) => ({
    subject: `Hindi natuloy ang pen-pal match mo sa ${p.roundName}`,
    text:
      `${hi(p.displayName)}Hindi makakasali ngayon ang iminungkahing pen pal mo sa ${p.roundName}. ` +
      `Babalik ka sa pila at hahanapan ka ng bago sa susunod na matching.${END}`,
    title: 'Hindi natuloy ang match mo',
    body: 'Bumalik ka sa pila para sa susunod na matching.',
  }),
  'penpal.cancelled': (p) => ({
    subject: `Tinapos ang pen-pal match mo sa ${p.roundName}`,
    text:
      `${hi(p.displayName)}Tinapos ng mga coordinator ng ${p.roundName} ang pen-pal match mo. ` +
      `Babalik ka sa pila para sa susunod na matching. Kung may tanong ka, sumulat sa mga coordinator ng programa mo.${END}`,
    title: 'Tinapos ang pen-pal match mo',
    body: 'Tinapos ng mga coordinator ang match na ito. Bumalik ka sa pila para sa susunod na matching.',
  }),
  'penpal.ended': (p) => ({
    subject: `Natapos na ang pen-pal match mo sa ${p.roundName}`,
    text:
      `${hi(p.displayName)}Tinapos ni ${p.penpalName} ang pen-pal match ninyo sa ${p.roundName}. ` +
      `Hindi na kayo makakapagpadala ng sulat sa isa't isa, at hindi na kayo ipapares ulit. ` +
      `Mababasa mo pa rin sa Kenal ang mga sulat na ipinagpalitan ninyo.${END}`,
    title: 'Natapos na ang pen-pal match mo',
    body: `Tinapos ni ${p.penpalName} ang match. Hindi na kayo makakapagpadala ng sulat sa isa't isa.`,
  }),
  'letter.delivered': (p) => ({
    subject: `Dumating na ang sulat mula kay ${p.penpalName}`,
    text:
      `${hi(p.displayName)}Sumulat sa iyo si ${p.penpalName}. Basahin at sumagot sa Kenal:\n${p.link}\n\n` +
      `(Nag-e-email kami nang hindi hihigit sa isang beses kada ilang oras tungkol sa mga bagong sulat mula sa iisang pen pal.)${END}`,
    title: 'Bagong sulat',
    body: `Sumulat sa iyo si ${p.penpalName}.`,
  }),
  'letter.held': (p) => ({
    subject: `Naghihintay ng pagsusuri ang sulat mo kay ${p.penpalName}`,
    text:
      `${hi(p.displayName)}Mukhang may ${contactKinds(p.kinds, L)} ang sulat mo kay ${p.penpalName}. ` +
      `Para ligtas ang lahat, nananatili sa Kenal ang mga sulat na may contact details hanggang matingnan ng coordinator. ` +
      `Sasabihan ka namin kapag naipadala o natanggal na ito.${END}`,
    title: 'Naghihintay ng pagsusuri ang sulat mo',
    body: `Mukhang may ${contactKinds(p.kinds, L)} ito; titingnan ito ng coordinator.`,
  }),
  'letter.released': (p) => ({
    subject: `Papunta na ang sulat mo kay ${p.penpalName}`,
    text: `${hi(p.displayName)}Sinuri ng coordinator ang sulat mo kay ${p.penpalName} at ipinadala na ito.${END}`,
    title: 'Naipadala na ang sulat mo',
    body: `Sinuri ng coordinator ang sulat mo kay ${p.penpalName} at ipinadala na ito.`,
  }),
  'letter.removed': (p) => ({
    subject: `Hindi naipadala ang sulat mo kay ${p.penpalName}`,
    text:
      `${hi(p.displayName)}Sinuri ng coordinator ang sulat mo kay ${p.penpalName} at tinanggal ito: ` +
      `hindi ito makikita ni ${p.penpalName}. Huwag maglagay ng contact details sa mga sulat, at maging mabait sa isa't isa.${END}`,
    title: 'Tinanggal ang sulat mo',
    body: `Tinanggal ng coordinator ang sulat mo kay ${p.penpalName}; hindi ito naipadala.`,
  }),
  'penpal.partner_left': (p) => ({
    subject: `Natapos na ang pen-pal match mo sa ${p.roundName}`,
    text: `${hi(p.displayName)}Natapos na ang pen-pal match mo sa ${p.roundName}. Babalik ka sa pila para sa susunod na matching.${END}`,
    title: 'Natapos na ang pen-pal match mo',
    body: 'Natapos na ang match na ito. Bumalik ka sa pila para sa susunod na matching.',
  }),
  'team.invitation': (p) => ({
    subject: `Inimbitahan ka ni ${p.inviterName} na sumali sa team na ${p.teamName} sa Kenal`,
    text:
      `Hi,\n\nInimbitahan ka ni ${p.inviterName} na sumali sa team na "${p.teamName}" para sa ${p.competitionTitle}. ` +
      `Mag-sign in sa Kenal gamit ang email address na ito at buksan ang link na ito para tumanggap o tumanggi ` +
      `(may bisa hanggang ${dateTime(p.expiresAt, L)}, isang beses lang magagamit):\n${p.link}\n\n` +
      `Kung hindi mo kilala ang taong ito, huwag pansinin ang email na ito.${END}`,
    title: 'Imbitasyon sa team',
    body: `Inimbitahan ka ni ${p.inviterName} na sumali sa "${p.teamName}" para sa ${p.competitionTitle}.`,
  }),
  'submission.received': (p) => ({
    subject: `Natanggap: "${p.submissionTitle}" para sa ${p.competitionTitle}`,
    text:
      `${hi(p.displayName)}Ipinasa ng team mo na ${p.teamName} ang "${p.submissionTitle}" sa ${p.competitionTitle} ` +
      `noong ${p.submittedAt} (bersyon ${p.version}).\n\n` +
      `Puwede mo pa itong i-edit hanggang ${dateTime(p.closesAt, L)}. Itabi ang email na ito bilang resibo.${END}`,
    title: 'Natanggap ang entry',
    body: `Naipasa ang "${p.submissionTitle}" noong ${p.submittedAt} (bersyon ${p.version}).`,
  }),
  'submission.withdrawn': (p) => ({
    subject: `Binawi: "${p.submissionTitle}" mula sa ${p.competitionTitle}`,
    text:
      `${hi(p.displayName)}Binawi ni ${p.actorName} ang entry ng team mo na "${p.submissionTitle}" mula sa ` +
      `${p.competitionTitle} noong ${p.withdrawnAt}. Hindi na ito huhusgahan.${END}`,
    title: 'Binawi ang entry',
    body: `Binawi ni ${p.actorName} ang "${p.submissionTitle}".`,
  }),
  'submission.extension_granted': (p) => ({
    subject: `Dagdag na oras para sa "${p.submissionTitle}" sa ${p.competitionTitle}`,
    text:
      `${hi(p.displayName)}Binigyan ng mga coordinator ang team mo hanggang ${p.until} para i-edit at ipasa ang ` +
      `"${p.submissionTitle}" sa ${p.competitionTitle}.\n\nAng entry mo: ${p.link}${END}`,
    title: 'Binigyan ng extension',
    body: `Maaaring i-edit at ipasa ang "${p.submissionTitle}" hanggang ${p.until}.`,
  }),
  'submission.deadline_reminder': (p) => ({
    subject: `${p.hoursBefore} oras na lang para magpasa sa ${p.competitionTitle}`,
    text:
      `${hi(p.displayName)}Hindi pa naipapasa ang draft ng team mo na "${p.submissionTitle}". ` +
      `Magsasara ang ${p.competitionTitle} sa ${dateTime(p.closesAt, L)}.\n\nIpasa ito bago noon: ${p.link}${END}`,
    title: 'Malapit na ang deadline',
    body: `Draft pa rin ang "${p.submissionTitle}"; magsasara ang pagpasa sa ${dateTime(p.closesAt, L)}.`,
  }),
  'judging.added_to_pool': (p) => ({
    subject: `Judge ka para sa ${p.competitionTitle}`,
    text:
      `${hi(p.displayName)}Idinagdag ka sa mga judge ng ${p.competitionTitle}. ` +
      `Kung may kilala kang kalahok (parehong institusyon, pamilya, team na tinulungan mo), ideklara ang conflict of interest ` +
      `sa Kenal bago ang mga assignment: ${p.link}${END}`,
    title: 'Judge ka na',
    body: `Huhusgahan mo ang ${p.competitionTitle}. Ideklara ang anumang conflict of interest bago ang mga assignment.`,
  }),
  'judging.removed_from_pool': (p) => ({
    subject: `Hindi ka na judge para sa ${p.competitionTitle}`,
    text:
      `${hi(p.displayName)}Inalis ka ng mga coordinator sa mga judge ng ${p.competitionTitle}. ` +
      `Mapupunta sa ibang judge ang mga entry na hindi mo pa nabibigyan ng score; mananatili ang mga final score mo. Salamat sa tulong mo.${END}`,
    title: 'Hindi ka na judge',
    body: `Hindi mo na huhusgahan ang ${p.competitionTitle}. Mananatili ang mga final score mo.`,
  }),
  'judging.assignments_ready': (p) => ({
    subject: `${p.count} entry na huhusgahan sa ${p.roundName}`,
    text:
      `${hi(p.displayName)}May ${p.count} bagong entry kang huhusgahan sa ${p.roundName} ng ${p.competitionTitle}. ` +
      `Kailangan ang mga score bago mag-${dateTime(p.closesAt, L)}.\n\nBuksan ang mga assignment mo: ${p.link}${END}`,
    title: 'Mga entry na huhusgahan',
    body: `${p.count} bagong entry sa ${p.roundName}, deadline ${dateTime(p.closesAt, L)}.`,
  }),
  'judging.recused': (p) => {
    const outcome = p.replaced
      ? 'Kinuha na ng ibang judge na walang conflict ang entry.'
      : 'Walang ibang judge na walang conflict ang available: mag-assign ng isa nang mano-mano.';
    return {
      subject: `May judge na nag-recuse sa ${p.roundName}`,
      text:
        `${hi(p.displayName)}May judge na nag-recuse sa "${p.submissionTitle}" sa ` +
        `${p.roundName} ng ${p.competitionTitle}, at sinabing: ${p.reason}\n\n${outcome}${END}`,
      title: 'May judge na nag-recuse',
      body: `"${p.submissionTitle}" sa ${p.roundName}: ${outcome}`,
    };
  },
  'judging.reminder': (p) => ({
    subject: `${p.unfinished} score pa ang bukas sa ${p.roundName}`,
    text:
      `${hi(p.displayName)}Wala pang final score ang ${p.unfinished} sa mga entry mo sa ${p.roundName} ng ${p.competitionTitle}. ` +
      `Magsasara ang round sa ${dateTime(p.closesAt, L)}.\n\nTapusin dito: ${p.link}${END}`,
    title: 'May mga score pang bukas',
    body: `${p.unfinished} entry sa ${p.roundName} ang kailangan ng final score bago mag-${dateTime(p.closesAt, L)}.`,
  }),
  'judging.results_published': (p) => {
    const outcome = p.award
      ? `Nanalo ang entry ninyong "${p.submissionTitle}" ng ${awardName(p.award, L)}. Congratulations!`
      : `Walang napanalunang award ang entry ninyong "${p.submissionTitle}" ngayon. Salamat sa pagsali.`;
    return {
      subject: `Mga resulta ng ${p.competitionTitle}`,
      text: `${hi(p.displayName)}Lumabas na ang mga resulta ng ${p.competitionTitle}. ${outcome}\n\nTingnan lahat: ${p.link}${END}`,
      title: 'Lumabas na ang mga resulta',
      body: `${p.competitionTitle}: ${outcome}`,
    };
  },
  ...MENTORING.fil,
};
