export default definePageConfig({ navigationBarTitleText: '参与改造' });
