export default definePageConfig({ navigationBarTitleText: '查找小区' });
