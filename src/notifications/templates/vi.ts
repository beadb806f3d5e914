import { dateTime } from '../../common/i18n/locales';
import { awardName, contactKinds, penpalList, roleNames } from './labels';
import { MENTORING } from './mentoring';
import type { LocaleTemplates } from './types';

const L = 'vi';
const hi = (name: unknown) => `Chào ${name},\n\n`;
const END = '\n\n— Đội ngũ Kenal';

/** Vietnamese: "bạn" for young people, "Quý phụ huynh" for a guardian. */
export const vi: LocaleTemplates = {
  'guardian.consent_requested': (p) => ({
    subject: `Vui lòng xác nhận cho ${p.participantName} tham gia Kenal`,
    text:
      `Kính gửi Quý phụ huynh ${p.guardianName},\n\n` +
      `${p.participantName} đã đăng ký Kenal, chương trình giao lưu thanh thiếu niên ASEAN–Hàn Quốc, và ghi tên Quý vị ` +
      `là cha mẹ hoặc người giám hộ. Vì em chưa đủ 18 tuổi, em chỉ có thể được ghép bạn qua thư hoặc tham gia cuộc thi ` +
      `khi Quý vị đồng ý.\n\nĐể đồng ý, vui lòng mở đường link này (có hiệu lực đến ${dateTime(p.expiresAt, L)}):\n` +
      `${p.link}\n\nNếu Quý vị không biết người này, xin bỏ qua email này, sẽ không có gì xảy ra.${END}`,
    title: 'Đã gửi yêu cầu đồng ý tới người giám hộ',
    body: `Chúng mình đã gửi email tới ${p.guardianName} để xin phép cho bạn tham gia.`,
  }),
  'guardian.consent_confirmed': (p) => ({
    subject: 'Người giám hộ đã đồng ý: bạn có thể tham gia Kenal',
    text: `${hi(p.participantName)}${p.guardianName} đã đồng ý cho bạn tham gia Kenal. Giờ bạn có thể đăng ký các đợt bạn qua thư và các cuộc thi.${END}`,
    title: 'Người giám hộ đã đồng ý',
    body: `${p.guardianName} đã đồng ý cho bạn tham gia.`,
  }),
  'guardian.consent_receipt': (p) => ({
    subject: `Quý vị đã đồng ý cho ${p.participantName} tham gia Kenal`,
    text:
      `Kính gửi Quý phụ huynh ${p.guardianName},\n\nCảm ơn Quý vị đã xác nhận cho ${p.participantName} tham gia Kenal, ` +
      `gồm viết thư với bạn qua thư và tham gia các cuộc thi dành cho thanh thiếu niên.\n\nQuý vị có thể rút lại sự đồng ý bất cứ lúc nào bằng đường link này. ` +
      `Khi đó, các ghép đôi bạn qua thư của em sẽ kết thúc và em không thể tham gia cho đến khi có người giám hộ đồng ý lại:\n${p.link}\n\n` +
      `Xin hãy giữ lại email này.${END}`,
    title: 'Người giám hộ đã đồng ý',
    body: `Quý vị đã đồng ý cho ${p.participantName} tham gia.`,
  }),
  'guardian.consent_withdrawn': (p) => ({
    subject: 'Người giám hộ đã rút lại sự đồng ý',
    text:
      `${hi(p.participantName)}${p.guardianName} đã rút lại sự đồng ý cho bạn tham gia Kenal. ` +
      `Bạn đã rời các đợt bạn qua thư, các ghép đôi bạn qua thư đã kết thúc và bài dự thi của đội không thể thay đổi cho đến khi có người giám hộ đồng ý lại. ` +
      `Bạn có thể xin phép lại từ trang hồ sơ.${END}`,
    title: 'Người giám hộ đã rút lại sự đồng ý',
    body: `${p.guardianName} đã rút lại sự đồng ý. Hãy xin phép người giám hộ lại để tham gia.`,
  }),
  'staff.invited': (p) => ({
    subject: 'Bạn đã có tài khoản nhân sự Kenal: hãy đặt mật khẩu',
    text:
      `${hi(p.displayName)}Một quản trị viên đã tạo tài khoản Kenal cho bạn với vai trò ${roleNames(p.roles, L)}. ` +
      `Đặt mật khẩu bằng đường link này (có hiệu lực đến ${dateTime(p.expiresAt, L)}, chỉ dùng một lần):\n${p.link}${END}`,
    title: 'Chào mừng bạn đến với Kenal',
    body: `Tài khoản nhân sự của bạn (${roleNames(p.roles, L)}) đã sẵn sàng. Kiểm tra email để đặt mật khẩu.`,
  }),
  'auth.verify_email': (p) => ({
    subject: 'Xác nhận địa chỉ email của bạn cho Kenal',
    text:
      `${hi(p.displayName)}Hãy xác nhận địa chỉ này là của bạn để có thể đăng ký, vào đội ` +
      `và nộp bài trên Kenal. Mở đường link này (có hiệu lực đến ${dateTime(p.expiresAt, L)}, chỉ dùng một lần):\n${p.link}\n\n` +
      `Nếu bạn không đăng ký Kenal, hãy bỏ qua email này.${END}`,
    title: 'Xác nhận địa chỉ email',
    body: 'Chúng mình đã gửi cho bạn một đường link để xác nhận địa chỉ email.',
  }),
  'staff.roles_offered': (p) => ({
    subject: 'Bạn được mời nhận vai trò nhân sự Kenal',
    text:
      `${hi(p.displayName)}Một quản trị viên đã mời tài khoản Kenal của bạn nhận vai trò ${roleNames(p.roles, L)}. ` +
      `Không có gì thay đổi nếu bạn không chấp nhận: đăng nhập Kenal bằng tài khoản này và chấp nhận bằng đường link này ` +
      `(có hiệu lực đến ${dateTime(p.expiresAt, L)}, chỉ dùng một lần):\n${p.link}\n\n` +
      `Nếu bạn không mong đợi email này, hãy bỏ qua.${END}`,
    title: 'Lời mời nhận vai trò nhân sự',
    body: `Một quản trị viên đã mời bạn nhận vai trò ${roleNames(p.roles, L)}. Kiểm tra email để chấp nhận.`,
  }),
  'auth.password_reset': (p) => ({
    subject: 'Đặt lại mật khẩu Kenal',
    text:
      `${hi(p.displayName)}Có người (hy vọng là bạn) đã yêu cầu đặt lại mật khẩu Kenal của bạn. ` +
      `Mở đường link này để chọn mật khẩu mới (có hiệu lực đến ${dateTime(p.expiresAt, L)}, chỉ dùng một lần):\n${p.link}\n\n` +
      `Nếu bạn không yêu cầu, hãy bỏ qua email này: mật khẩu của bạn vẫn giữ nguyên.${END}`,
    title: 'Yêu cầu đặt lại mật khẩu',
    body: 'Chúng mình đã gửi cho bạn một đường link để đặt lại mật khẩu.',
  }),
  'penpal.matched': (p) => ({
    subject: `Bạn đã có bạn qua thư trong ${p.roundName}`,
    text:
      `${hi(p.displayName)}Tin vui: chúng mình đã tìm được bạn qua thư cho bạn trong ${p.roundName}: ${penpalList(p.penpals, L)}. ` +
      `Mở Kenal để xem hai bạn có điểm gì chung, rồi chấp nhận để bắt đầu viết thư.${END}`,
    title: 'Bạn đã có bạn qua thư',
    body: `Làm quen với ${penpalList(p.penpals, L)} và chấp nhận để bắt đầu viết thư.`,
  }),
  'penpal.unmatched': (p) => ({
    subject: `Chưa có bạn qua thư trong ${p.roundName}: bạn vẫn trong hàng chờ`,
    text:
      `${hi(p.displayName)}Lần này chúng mình chưa tìm được bạn qua thư phù hợp với bạn trong ${p.roundName}. ` +
      `Bạn vẫn ở trong hàng chờ: lần ghép đôi tới sẽ thử lại.${END}`,
    title: 'Bạn vẫn trong hàng chờ',
    body: `Chưa có bạn qua thư trong ${p.roundName}; lần ghép đôi tới sẽ thử lại.`,
  }),
  'penpal.connected': (p) => ({
    subject: `Bạn và ${p.penpalName} có thể bắt đầu viết thư`,
    text: `${hi(p.displayName)}Bạn và ${p.penpalName} đều đã đồng ý. Gửi lời chào trên Kenal nhé!${END}`,
    title: 'Bạn có thể bắt đầu viết thư',
    body: `Bạn và ${p.penpalName} đều đã chấp nhận. Chào nhau đi nào!`,
  }),
  'penpal.declined': (p) => ({
    subject: `Ghép đôi bạn qua thư trong ${p.roundName} không thành`,
    text:
      `${hi(p.displayName)}Người bạn qua thư được đề xuất cho bạn trong ${p.roundName} lần này không thể tham gia. ` +
      `Bạn quay lại hàng chờ và lần ghép đôi tới sẽ tìm cho bạn một người mới.${END}`,
    title: 'Ghép đôi không thành',
    body: 'Bạn đã quay lại hàng chờ cho lần ghép đôi tới.',
  }),
  'penpal.cancelled': (p) => ({
    subject: `Ghép đôi bạn qua thư trong ${p.roundName} đã bị kết thúc`,
    text:
      `${hi(p.displayName)}Điều phối viên của ${p.roundName} đã kết thúc ghép đôi bạn qua thư của bạn. ` +
      `Bạn quay lại hàng chờ cho lần ghép đôi tới. Nếu có thắc mắc, hãy liên hệ điều phối viên của chương trình.${END}`,
    title: 'Ghép đôi bạn qua thư đã bị kết thúc',
    body: 'Điều phối viên đã kết thúc ghép đôi này. Bạn đã quay lại hàng chờ cho lần ghép đôi tới.',
  }),
  'penpal.ended': (p) => ({
    subject: `Ghép đôi bạn qua thư trong ${p.roundName} đã kết thúc`,
    text:
      `${hi(p.displayName)}${p.penpalName} đã kết thúc ghép đôi bạn qua thư của hai bạn trong ${p.roundName}. ` +
      `Hai bạn không thể gửi thư cho nhau nữa và sẽ không được ghép đôi lại. ` +
      `Những lá thư hai bạn đã trao đổi vẫn còn trên Kenal để bạn đọc lại.${END}`,
    title: 'Ghép đôi bạn qua thư đã kết thúc',
    body: `${p.penpalName} đã kết thúc ghép đôi. Hai bạn không thể gửi thư cho nhau nữa.`,
  }),
  'letter.delivered': (p) => ({
    subject: `Thư của ${p.penpalName} đã đến`,
    text:
      `${hi(p.displayName)}${p.penpalName} đã viết thư cho bạn. Đọc và trả lời trên Kenal:\n${p.link}\n\n` +
      `(Chúng mình chỉ gửi email về thư mới từ cùng một bạn qua thư tối đa một lần trong vài giờ.)${END}`,
    title: 'Thư mới',
    body: `${p.penpalName} đã viết thư cho bạn.`,
  }),
  'letter.held': (p) => ({
    subject: `Thư của bạn gửi ${p.penpalName} đang chờ kiểm tra`,
    text:
      `${hi(p.displayName)}Thư của bạn gửi ${p.penpalName} có vẻ chứa ${contactKinds(p.kinds, L)}. ` +
      `Để giữ an toàn cho mọi người, thư có thông tin liên lạc sẽ ở lại trong Kenal cho đến khi điều phối viên xem qua. ` +
      `Chúng mình sẽ báo cho bạn khi thư được gửi đi hoặc bị gỡ.${END}`,
    title: 'Thư của bạn đang chờ kiểm tra',
    body: `Thư có vẻ chứa ${contactKinds(p.kinds, L)}; điều phối viên sẽ xem qua.`,
  }),
  'letter.released': (p) => ({
    subject: `Thư của bạn gửi ${p.penpalName} đang trên đường đi`,
    text: `${hi(p.displayName)}Điều phối viên đã kiểm tra thư của bạn gửi ${p.penpalName} và chuyển đi.${END}`,
    title: 'Thư của bạn đã được gửi',
    body: `Điều phối viên đã kiểm tra thư của bạn gửi ${p.penpalName} và chuyển đi.`,
  }),
  'letter.removed': (p) => ({
    subject: `Thư của bạn gửi ${p.penpalName} không được chuyển đi`,
    text:
      `${hi(p.displayName)}Điều phối viên đã kiểm tra thư của bạn gửi ${p.penpalName} và gỡ bỏ: ` +
      `${p.penpalName} sẽ không thấy thư này. Đừng ghi thông tin liên lạc trong thư và hãy luôn tử tế với nhau nhé.${END}`,
    title: 'Thư của bạn đã bị gỡ',
    body: `Điều phối viên đã gỡ thư của bạn gửi ${p.penpalName}; thư không được chuyển đi.`,
  }),
  'penpal.partner_left': (p) => ({
    subject: `Ghép đôi bạn qua thư trong ${p.roundName} đã kết thúc`,
    text: `${hi(p.displayName)}Ghép đôi bạn qua thư của bạn trong ${p.roundName} đã kết thúc. Bạn quay lại hàng chờ cho lần ghép đôi tới.${END}`,
    title: 'Ghép đôi bạn qua thư đã kết thúc',
    body: 'Ghép đôi này đã kết thúc. Bạn đã quay lại hàng chờ cho lần ghép đôi tới.',
  }),
  'team.invitation': (p) => ({
    subject: `${p.inviterName} mời bạn vào đội ${p.teamName} trên Kenal`,
    text:
      `Chào bạn,\n\n${p.inviterName} mời bạn vào đội "${p.teamName}" tham gia ${p.competitionTitle}. ` +
      `Đăng nhập Kenal bằng địa chỉ email này và mở đường link này để chấp nhận hoặc từ chối ` +
      `(có hiệu lực đến ${dateTime(p.expiresAt, L)}, chỉ dùng một lần):\n${p.link}\n\n` +
      `Nếu bạn không biết người này, hãy bỏ qua email này.${END}`,
    title: 'Lời mời vào đội',
    body: `${p.inviterName} mời bạn vào đội "${p.teamName}" tham gia ${p.competitionTitle}.`,
  }),
  'submission.received': (p) => ({
    subject: `Đã nhận: "${p.submissionTitle}" cho ${p.competitionTitle}`,
    text:
      `${hi(p.displayName)}Đội ${p.teamName} của bạn đã nộp "${p.submissionTitle}" cho ${p.competitionTitle} ` +
      `lúc ${p.submittedAt} (phiên bản ${p.version}).\n\n` +
      `Bạn vẫn có thể chỉnh sửa đến ${dateTime(p.closesAt, L)}. Hãy giữ email này làm biên nhận.${END}`,
    title: 'Đã nhận bài dự thi',
    body: `"${p.submissionTitle}" đã được nộp lúc ${p.submittedAt} (phiên bản ${p.version}).`,
  }),
  'submission.withdrawn': (p) => ({
    subject: `Đã rút: "${p.submissionTitle}" khỏi ${p.competitionTitle}`,
    text:
      `${hi(p.displayName)}${p.actorName} đã rút bài dự thi "${p.submissionTitle}" của đội khỏi ${p.competitionTitle} ` +
      `lúc ${p.withdrawnAt}. Bài này sẽ không được chấm.${END}`,
    title: 'Đã rút bài dự thi',
    body: `${p.actorName} đã rút "${p.submissionTitle}".`,
  }),
  'submission.extension_granted': (p) => ({
    subject: `Thêm thời gian cho "${p.submissionTitle}" trong ${p.competitionTitle}`,
    text:
      `${hi(p.displayName)}Điều phối viên đã cho đội bạn đến ${p.until} để sửa và nộp ` +
      `"${p.submissionTitle}" cho ${p.competitionTitle}.\n\nBài dự thi của bạn: ${p.link}${END}`,
    title: 'Đã được gia hạn',
    body: `Có thể sửa và nộp "${p.submissionTitle}" đến ${p.until}.`,
  }),
  'submission.deadline_reminder': (p) => ({
    subject: `Còn ${p.hoursBefore} giờ để nộp bài cho ${p.competitionTitle}`,
    text:
      `${hi(p.displayName)}Bản nháp "${p.submissionTitle}" của đội bạn chưa được nộp. ` +
      `${p.competitionTitle} đóng lúc ${dateTime(p.closesAt, L)}.\n\nHãy nộp trước thời điểm đó: ${p.link}${END}`,
    title: 'Sắp hết hạn',
    body: `"${p.submissionTitle}" vẫn là bản nháp; hạn nộp là ${dateTime(p.closesAt, L)}.`,
  }),
  'judging.added_to_pool': (p) => ({
    subject: `Bạn là giám khảo của ${p.competitionTitle}`,
    text:
      `${hi(p.displayName)}Bạn đã được thêm vào ban giám khảo của ${p.competitionTitle}. ` +
      `Nếu bạn quen thí sinh nào (cùng trường hoặc cơ quan, người thân, đội bạn từng giúp), hãy khai báo xung đột lợi ích ` +
      `trên Kenal trước khi phân công: ${p.link}${END}`,
    title: 'Bạn là giám khảo',
    body: `Bạn chấm ${p.competitionTitle}. Hãy khai báo xung đột lợi ích trước khi phân công.`,
  }),
  'judging.removed_from_pool': (p) => ({
    subject: `Bạn không còn là giám khảo của ${p.competitionTitle}`,
    text:
      `${hi(p.displayName)}Điều phối viên đã đưa bạn ra khỏi ban giám khảo của ${p.competitionTitle}. ` +
      `Các bài bạn chưa chấm sẽ chuyển cho giám khảo khác; điểm bạn đã chốt vẫn được giữ. Cảm ơn bạn đã giúp đỡ.${END}`,
    title: 'Bạn không còn là giám khảo',
    body: `Bạn không còn chấm ${p.competitionTitle}. Điểm đã chốt vẫn được giữ.`,
  }),
  'judging.assignments_ready': (p) => ({
    subject: `${p.count} bài cần chấm trong ${p.roundName}`,
    text:
      `${hi(p.displayName)}Bạn có ${p.count} bài mới cần chấm trong ${p.roundName} của ${p.competitionTitle}. ` +
      `Hạn chấm điểm là ${dateTime(p.closesAt, L)}.\n\nXem bài được phân công: ${p.link}${END}`,
    title: 'Bài cần chấm',
    body: `${p.count} bài mới trong ${p.roundName}, hạn ${dateTime(p.closesAt, L)}.`,
  }),
  'judging.recused': (p) => {
    const outcome = p.replaced
      ? 'Một giám khảo khác không có xung đột lợi ích đã nhận bài này.'
      : 'Không còn giám khảo nào khác không có xung đột lợi ích: hãy phân công thủ công.';
    return {
      subject: `Một giám khảo đã xin rút trong ${p.roundName}`,
      text:
        `${hi(p.displayName)}Một giám khảo đã xin rút khỏi việc chấm "${p.submissionTitle}" trong ` +
        `${p.roundName} của ${p.competitionTitle}, với lý do: ${p.reason}\n\n${outcome}${END}`,
      title: 'Một giám khảo đã xin rút',
      body: `"${p.submissionTitle}" trong ${p.roundName}: ${outcome}`,
    };
  },
  'judging.reminder': (p) => ({
    subject: `Còn ${p.unfinished} bài chưa chấm xong trong ${p.roundName}`,
    text:
      `${hi(p.displayName)}${p.unfinished} bài của bạn trong ${p.roundName} của ${p.competitionTitle} chưa có điểm cuối cùng. ` +
      `Vòng này đóng lúc ${dateTime(p.closesAt, L)}.\n\nHoàn thành tại đây: ${p.link}${END}`,
    title: 'Còn bài chưa chấm xong',
    body: `${p.unfinished} bài trong ${p.roundName} cần điểm cuối cùng trước ${dateTime(p.closesAt, L)}.`,
  }),
  'judging.results_published': (p) => {
    const outcome = p.award
      ? `Bài dự thi "${p.submissionTitle}" của đội bạn đã đạt ${awardName(p.award, L)}. Chúc mừng!`
      : `Bài dự thi "${p.submissionTitle}" của đội bạn lần này chưa đạt giải. Cảm ơn bạn đã tham gia.`;
    return {
      subject: `Kết quả ${p.competitionTitle}`,
      text: `${hi(p.displayName)}Kết quả ${p.competitionTitle} đã được công bố. ${outcome}\n\nXem toàn bộ kết quả: ${p.link}${END}`,
      title: 'Đã công bố kết quả',
      body: `${p.competitionTitle}: ${outcome}`,
    };
  },
  ...MENTORING.vi,
};
