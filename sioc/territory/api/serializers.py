from django.urls import reverse
from rest_framework import serializers

from sioc.territory.models import Canton, Province


class ProvinceSerializer(serializers.ModelSerializer):
    canton_count = serializers.IntegerField(read_only=True)
    page_url = serializers.SerializerMethodField()
    geojson_url = serializers.SerializerMethodField()

    class Meta:
        model = Province
        fields = [
            "code",
            "name",
            "inec_name",
            "iso_code",
            "wikidata_id",
            "population_2020",
            "canton_count",
            "page_url",
            "geojson_url",
        ]
        read_only_fields = fields

    def _absolute(self, path):
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path

    def get_page_url(self, obj) -> str:
        return self._absolute(obj.get_absolute_url())

    def get_geojson_url(self, obj) -> str:
        return self._absolute(reverse("territory:province_geojson", args=[obj.code]))


class CantonSerializer(serializers.ModelSerializer):
    province = serializers.CharField(source="province.code", read_only=True)
    province_name = serializers.CharField(source="province.name", read_only=True)
    parish_count = serializers.IntegerField(read_only=True)
    gad = serializers.SerializerMethodField()
    page_url = serializers.SerializerMethodField()
    geojson_url = serializers.SerializerMethodField()

    class Meta:
        model = Canton
        fields = [
            "code",
            "name",
            "inec_name",
            "province",
            "province_name",
            "wikidata_id",
            "population_2020",
            "parish_count",
            "gad",
            "page_url",
            "geojson_url",
        ]
        read_only_fields = fields

    def _absolute(self, path):
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path

    def get_gad(self, obj) -> str | None:
        """Slug of the canton's GAD municipal (an organisation), if registered."""
        gad = getattr(obj, "gad", None)
        return gad.slug if gad is not None else None

    def get_page_url(self, obj) -> str:
        return self._absolute(obj.get_absolute_url())

    def get_geojson_url(self, obj) -> str:
        return self._absolute(reverse("territory:canton_geojson", args=[obj.code]))
