/**
 * The privacy policy of the worker pages, written for what this platform actually collects and
 * why (PIPL arts. 13, 14, 17, 28–29, 44–47). Text only, in both languages; bump the version when
 * the content changes, so a new consent is asked for.
 */
export { PRIVACY_POLICY_VERSION } from './privacy-version';

export type PolicySection = { title: string; paragraphs: string[] };

export const privacyPolicyZh: { intro: string; updated: string; sections: PolicySection[] } = {
  intro:
    '“娘家”是工会为职工提供服务的平台，由运营它的工会（例如江北区总工会，下称“我们”）负责。我们只收集为你办理服务所必需的信息，不卖、不出租你的个人信息，也不用于广告。下面逐项说明我们收集什么、为什么收集、怎样保护、保存多久，以及你的权利。',
  updated: '版本 2026-12，自 2026 年 12 月起生效。',
  sections: [
    {
      title: '一、我们收集哪些信息，为什么',
      paragraphs: [
        '手机号：用于短信验证码登录和找回账号；你选择接收短信通知时，用于发送审核结果等消息。',
        '真实姓名和身份证号（敏感个人信息）：只在你申请入会、第一次扫码进入智慧驿站时收集，用于工会会员实名登记（《中华人民共和国工会法》）和驿站进出安全。身份证号加密保存，页面上只显示遮盖后的号码。',
        '单位、用工形式、户籍、民族、政治面貌、文化程度等入会信息：用于会员登记、统计和帮扶，只由你所在工会及其上级工会查看。',
        '位置：只在你点“使用我的位置”找附近驿站，或用固定二维码开门时获取，用于计算距离或确认你在门口；找驿站时不保存你的位置。',
        '照片和文字：你给驿站反馈问题时自愿上传，用于工会处理问题。',
        '进出和领取记录：智慧驿站的开门记录、爱心早餐卡的领取记录，用于安全管理和基金账目公开（公开时不含任何个人信息）。',
      ],
    },
    {
      title: '二、单独同意',
      paragraphs: [
        '获取短信验证码前，我们请你阅读本政策并同意。提交身份证号、上传照片、开启定位前，页面会再次说明用途；你可以拒绝，拒绝后只是相应的服务不能使用，其他服务不受影响。',
      ],
    },
    {
      title: '三、我们怎样保护和保存',
      paragraphs: [
        '数据存放在中华人民共和国境内的服务器上。身份证号用加密算法保存；工作人员查看完整号码需要权限，每次查看都会留下审计记录。',
        '账号注销或退会后，我们在法律规定的期限届满后删除或匿名化你的个人信息；会员档案按工会档案管理规定保存。',
      ],
    },
    {
      title: '四、谁能看到你的信息',
      paragraphs: [
        '只有你所在的工会以及它的上级工会中负责这项工作的人员，在工作需要的范围内可以看到。我们不会把你的个人信息提供给其他单位，法律法规要求或你另行同意的除外。',
        '短信由我们委托的短信服务商发送，它只收到手机号和短信内容。',
      ],
    },
    {
      title: '五、你的权利',
      paragraphs: [
        '你可以在“我的”中查看和更正个人信息、撤回入会申请、退出登录其他设备；可以撤回本同意并注销账号。需要复制、删除个人信息或对处理方式有疑问，可以联系你所在的工会，或拨打 12351 职工服务热线，我们会在 15 个工作日内答复。',
      ],
    },
    {
      title: '六、未成年人',
      paragraphs: ['本平台面向已满 16 周岁的职工。未满 16 周岁的，请在监护人同意和陪同下使用。'],
    },
  ],
};

export const privacyPolicyEn: typeof privacyPolicyZh = {
  intro:
    'Niangjia is the platform on which a trade union serves workers; the union running it (for example the Jiangbei District Federation of Trade Unions, “we”) is responsible for it. We collect only what a service you ask for needs; we never sell or rent your personal data or use it for advertising. Below: what we collect, why, how we protect it, how long we keep it, and your rights.',
  updated: 'Version 2026-12, in force from December 2026.',
  sections: [
    {
      title: '1. What we collect, and why',
      paragraphs: [
        'Your mobile number: to sign you in with a text-message code and recover your account; and, if you choose, to text you results such as an application decision.',
        'Your real name and ID number (sensitive personal data): only when you apply to join a union or first scan into a smart station, for the union’s real-name membership register (Trade Union Law) and station safety. ID numbers are stored encrypted and shown masked.',
        'Employer, employment form, household registration, ethnicity, political affiliation and education: for the membership register, figures and assistance; seen only by your union and the unions above it.',
        'Location: only when you tap “use my location” to find stations, or open a door with a printed code, to measure distance or confirm you are at the door; it is not stored when you look for stations.',
        'Photos and text you choose to send when reporting a problem at a station, for the union to handle it.',
        'Entries and breakfasts: smart-station door entries and breakfast-card redemptions, for safety and the fund’s public accounts (which contain no personal data).',
      ],
    },
    {
      title: '2. Separate consent',
      paragraphs: [
        'Before a code is sent, we ask you to read and accept this policy. Before you give your ID number, upload a photo or share your location, the page says what for; you may refuse, and only that service is then unavailable.',
      ],
    },
    {
      title: '3. How we protect and keep it',
      paragraphs: [
        'Data is stored on servers in the People’s Republic of China. ID numbers are encrypted; staff need a permission to see a full number, and every such view is logged.',
        'After you close your account or leave the union, we delete or anonymise your personal data once the legal retention period ends; membership records are kept as union record rules require.',
      ],
    },
    {
      title: '4. Who can see it',
      paragraphs: [
        'Only the staff of your union and the unions above it who do this work, as far as the work needs. We do not give your personal data to anyone else unless the law requires it or you agree separately.',
        'Text messages are sent through our SMS provider, which receives only the number and the message.',
      ],
    },
    {
      title: '5. Your rights',
      paragraphs: [
        'Under “Me” you can see and correct your data, withdraw a membership application and sign out other devices; you can withdraw this consent and close your account. To get a copy, have data deleted, or ask about how it is handled, contact your union or call the 12351 workers’ hotline; we answer within 15 working days.',
      ],
    },
    {
      title: '6. Minors',
      paragraphs: ['The platform is for workers aged 16 or over. Anyone younger should use it only with a guardian’s consent and help.'],
    },
  ],
};
