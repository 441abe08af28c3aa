export default definePageConfig({ navigationBarTitleText: '填写巡查记录' });
